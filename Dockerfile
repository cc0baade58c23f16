# syntax=docker/dockerfile:1
# alc-engine as a container (docs/packaging.md):
#   docker build -t alc-engine .
#   docker run -p 5080:5080 -v alc-data:/data alc-engine serve --demo
# Never built on the machine it was written on (no Docker engine there). Instead,
# tests/Alc.Engine.Server.Tests/Packaging/DockerfilePublishTests.cs reads this file: it runs the build stage's restore
# on a folder that holds only the files copied before it, then its publish on a copy of the build context filtered by
# .dockerignore, and starts the result as ENTRYPOINT + CMD with this file's ENV. Then it runs the HEALTHCHECK command.
#
# Base images: .NET 10 ships no Debian images. The default 10.0 tags are Ubuntu 24.04, and both stages name that
# tag (-noble) so a new default distribution cannot slip in under the build. Noble's libstdc++ has GLIBCXX_3.4.32, so
# TorchSharp's library would load there unpatched (build/TorchSharpGlibcxxFix.md). The publish still passes
# TorchSharpGlibcxxFix=always, so /app is the same whatever libstdc++ the build stage has, and it also runs on
# Debian 12 if copied out. The patch is harmless where the version exists.
# linux-x64 only: TorchSharp-cpu ships libtorch for linux-x64 only. On an ARM host, build and run with --platform linux/amd64.

FROM mcr.microsoft.com/dotnet/sdk:10.0-noble AS build
# NUGET_PACKAGES is named so that the runtime stage can copy licence notices out of it.
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 NUGET_PACKAGES=/nuget/packages
WORKDIR /src

# Restore from the project files alone, so that this layer is rebuilt only when a project or package version changes.
# These lines name every project that engine/Alc.Engine references, directly or not.
COPY global.json Directory.Build.props Directory.Build.targets Directory.Packages.props ./
COPY build/TorchSharpGlibcxxFix.targets build/TorchSharpGlibcxxFix.cs build/
COPY engine/Alc.Core/Alc.Core.csproj engine/Alc.Core/
COPY engine/Alc.Imaging/Alc.Imaging.csproj engine/Alc.Imaging/
COPY engine/Alc.Storage/Alc.Storage.csproj engine/Alc.Storage/
COPY engine/Alc.Training/Alc.Training.csproj engine/Alc.Training/
COPY engine/Alc.Inference/Alc.Inference.csproj engine/Alc.Inference/
COPY engine/Alc.Campaigns/Alc.Campaigns.csproj engine/Alc.Campaigns/
COPY engine/Alc.Integrations.Cvat/Alc.Integrations.Cvat.csproj engine/Alc.Integrations.Cvat/
COPY engine/Alc.Integrations.LabelStudio/Alc.Integrations.LabelStudio.csproj engine/Alc.Integrations.LabelStudio/
COPY engine/Alc.Engine.Server/Alc.Engine.Server.csproj engine/Alc.Engine.Server/
COPY engine/Alc.Bench/Alc.Bench.csproj engine/Alc.Bench/
COPY engine/Alc.Engine/Alc.Engine.csproj engine/Alc.Engine/
RUN dotnet restore engine/Alc.Engine/Alc.Engine.csproj -r linux-x64

# Framework-dependent (the runtime image has ASP.NET Core) for linux-x64: only that RID's native libraries, about
# 0.5 GB instead of 1.5 GB for every RID's libtorch. No apphost: the entry point is `dotnet alc-engine.dll`.
COPY . .
RUN dotnet publish engine/Alc.Engine/Alc.Engine.csproj -c Release -r linux-x64 --self-contained false --no-restore -p:UseAppHost=false -p:TorchSharpGlibcxxFix=always -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble AS runtime
# Native dependencies: ldd of every published .so needs only libc, libm, libdl, libpthread, librt, libstdc++ and
# libgcc_s. The runtime image has all of them. libtorch brings its own libgomp, and SkiaSharp is the NoDependencies
# build (no fontconfig). So nothing is installed with apt.
# /data belongs to the image's non-root user "app" ($APP_UID, 1654) before VOLUME, so a new named volume starts
# writable by it.
RUN mkdir /data && chown "$APP_UID:$APP_UID" /data
# ALC_URLS sets the listen address. serve passes it to ASP.NET as "urls", which wins over the base image's
# ASPNETCORE_HTTP_PORTS=8080. That variable is emptied so that ASP.NET does not warn at every start that URLS
# overrides it. ALC_DATADIRECTORY holds the database and blobs.
ENV ALC_DATADIRECTORY=/data \
    ALC_URLS=http://0.0.0.0:5080 \
    ASPNETCORE_HTTP_PORTS=
WORKDIR /app
COPY --from=build /app .
# The notices that binaries built from BSD-3-Clause code must carry (docs/licence.md), from the restored packages
# (* is the version folder: this stage's fresh cache holds only the version that the restore resolved).
COPY LICENSE docs/licence.md /usr/share/doc/alc-engine/
COPY --from=build /nuget/packages/libtorch-cpu-linux-x64/*/LICENSE-LIBTORCH.txt /usr/share/doc/alc-engine/libtorch/
COPY --from=build /nuget/packages/skiasharp.nativeassets.linux.nodependencies/*/THIRD-PARTY-NOTICES.txt /usr/share/doc/alc-engine/skiasharp/
COPY --from=build /nuget/packages/harfbuzzsharp.nativeassets.linux/*/THIRD-PARTY-NOTICES.txt /usr/share/doc/alc-engine/harfbuzzsharp/
COPY --from=build /nuget/packages/microsoft.ml.onnxruntime/*/ThirdPartyNotices.txt /usr/share/doc/alc-engine/onnxruntime/
USER $APP_UID
VOLUME /data
EXPOSE 5080
# The image has no curl or wget. It has bash, whose /dev/tcp sends one HTTP request, so there is nothing to install
# and no second dotnet process every 30 s. It is healthy when GET /health answers 200: the process is up and its
# database opens. If ALC_URLS is changed to another port, change 5080 here too.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/5080 && printf 'GET /health HTTP/1.1\\r\\nHost: localhost\\r\\nConnection: close\\r\\n\\r\\n' >&3 && read -r status <&3 && [[ $status == *' 200 '* ]]"]
ENTRYPOINT ["dotnet", "alc-engine.dll"]
CMD ["serve"]
