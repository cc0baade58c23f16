using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Alc.Engine.Server.Tests.Cvat.Fake;

/// <summary>
/// The CVAT contract fake holds to what it claims, through real HTTP: token auth, DRF pagination, the project → task →
/// multipart upload → polled request → job flow, annotation writes and their checks, signed webhook deliveries with
/// Python's <c>json.dumps</c> bytes, redelivery, and the annotator's edits.
/// </summary>
public sealed class CvatContractFakeTests
{
    private const string Token = "cvat-t0k3n";
    private const string Secret = "s3cr\u00e9t-key";

    private readonly ConcurrentQueue<Received> received = new();

    [Fact]
    public async Task Calls_without_the_token_or_with_another_are_401_with_drf_messages()
    {
        await using var fake = await CvatContractFake.StartAsync(Token, ReceiveAsync);
        using var anonymous = Client(fake, null);
        var missing = await anonymous.GetAsync(new Uri("api/users/self", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal("Authentication credentials were not provided.", (string?)(await JsonAsync(missing))["detail"]);
        Assert.Equal("Token", missing.Headers.WwwAuthenticate.Single().Scheme);

        using var wrong = Client(fake, "not-the-token");
        var invalid = await wrong.GetAsync(new Uri("api/projects", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, invalid.StatusCode);
        Assert.Equal("Invalid token.", (string?)(await JsonAsync(invalid))["detail"]);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(new Uri("api/server/about", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.GetAsync(new Uri("api/server/about", UriKind.Relative))).StatusCode);

        using var http = Client(fake, Token);
        Assert.Equal(CvatFakeStore.TokenUsername, (string?)(await GetAsync(http, "api/users/self"))["username"]);
        var about = await GetAsync(http, "api/server/about");
        Assert.Equal(("Computer Vision Annotation Tool", CvatFakeRoutes.Version), ((string?)about["name"], (string?)about["version"]));
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(new Uri("api/projects/", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(new Uri("api/projects/7", UriKind.Relative))).StatusCode);
        Assert.Equal(new[] { 401, 401, 200, 401, 200, 200, 404, 404 }, fake.Calls.Select(c => c.Status));
        Assert.Equal("GET /api/users/self", fake.Calls[0].Call);
    }

    [Fact]
    public async Task Lists_are_pages_of_ten_whose_absolute_next_link_a_client_must_follow()
    {
        await using var fake = await CvatContractFake.StartAsync(Token, ReceiveAsync);
        using var http = Client(fake, Token);
        var labels = new JsonArray([.. Enumerable.Range(1, 12).Select(i => (JsonNode?)new JsonObject { ["name"] = $"class {i:00}" })]);
        long projectId = (long)(await CreatedAsync(http, "api/projects", new JsonObject { ["name"] = "paging", ["labels"] = labels }))["id"]!;

        var first = await GetAsync(http, $"api/labels?project_id={projectId}");
        Assert.Equal((12, 10), ((int)first["count"]!, first["results"]!.AsArray().Count));
        Assert.Null(first["previous"]);
        Assert.Equal($"{fake.BaseUrl}api/labels?page=2&project_id={projectId}", (string?)first["next"]);
        var second = await JsonAsync(await http.GetAsync(new Uri((string)first["next"]!)));
        Assert.Null(second["next"]);
        Assert.Equal($"{fake.BaseUrl}api/labels?project_id={projectId}", (string?)second["previous"]);
        var names = first["results"]!.AsArray().Concat(second["results"]!.AsArray()).Select(l => (string)l!["name"]!);
        Assert.Equal(Enumerable.Range(1, 12).Select(i => $"class {i:00}"), names);

        var middle = await GetAsync(http, $"api/labels?project_id={projectId}&page_size=5&page=2");
        Assert.Equal($"{fake.BaseUrl}api/labels?page=3&page_size=5&project_id={projectId}", (string?)middle["next"]);
        Assert.Equal($"{fake.BaseUrl}api/labels?page_size=5&project_id={projectId}", (string?)middle["previous"]);
        var beyond = await http.GetAsync(new Uri($"api/labels?project_id={projectId}&page=3", UriKind.Relative));
        Assert.Equal((HttpStatusCode.NotFound, "Invalid page."), (beyond.StatusCode, (string?)(await JsonAsync(beyond))["detail"]));

        await CreatedAsync(http, "api/projects", new JsonObject { ["name"] = "Paging again", ["labels"] = new JsonArray(new JsonObject { ["name"] = "x" }) });
        Assert.Equal(new[] { 1L }, (await GetAsync(http, "api/projects?name=paging"))["results"]!.AsArray().Select(p => (long)p!["id"]!));
        Assert.Equal(new[] { 2L, 1L }, (await GetAsync(http, "api/projects?search=PAGING"))["results"]!.AsArray().Select(p => (long)p!["id"]!));
    }

    [Fact]
    public async Task A_project_task_gets_its_frames_and_job_once_the_upload_request_is_polled_to_its_end()
    {
        await using var fake = await CvatContractFake.StartAsync(Token, ReceiveAsync);
        using var http = Client(fake, Token);
        long projectId = (long)(await CreatedAsync(http, "api/projects", ProjectBody()))["id"]!;
        var both = await PostAsync(http, "api/tasks", new JsonObject { ["name"] = "t", ["project_id"] = projectId, ["labels"] = new JsonArray(new JsonObject { ["name"] = "x" }) });
        Assert.Equal((HttpStatusCode.BadRequest, "Project must have only one of Label set or project_id"), (both.StatusCode, (string?)(await JsonAsync(both))[0]));
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(http, "api/tasks", new JsonObject { ["name"] = "t" })).StatusCode);
        var task = await CreatedAsync(http, "api/tasks", new JsonObject { ["name"] = "frames", ["project_id"] = projectId });
        long taskId = (long)task["id"]!;
        Assert.Null(task["size"]);

        using (var upload = Upload("70", ("client_files[0]", "c.png", CvatFakeTestImages.Png(30, 20)), ("client_files[1]", "images/a.png", CvatFakeTestImages.Png(40, 30)), ("client_files[2]", "b.png", CvatFakeTestImages.Png(50, 40))))
        {
            var accepted = await http.PostAsync(new Uri($"api/tasks/{taskId}/data", UriKind.Relative), upload);
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
            Assert.Equal($"action=create&target=task&target_id={taskId}", (string?)(await JsonAsync(accepted))["rq_id"]);
        }

        Assert.Equal(0, (int)(await GetAsync(http, $"api/jobs?task_id={taskId}"))["count"]!);
        string poll = $"api/requests/{Uri.EscapeDataString($"action=create&target=task&target_id={taskId}")}";
        Assert.Equal("started", (string?)(await GetAsync(http, poll))["status"]);
        Assert.Equal("finished", (string?)(await GetAsync(http, poll))["status"]);

        var jobs = await GetAsync(http, $"api/jobs?task_id={taskId}");
        var job = jobs["results"]!.AsArray().Single()!;
        Assert.Equal(("new", "annotation", "annotation", 0, 2, 3), ((string?)job["state"], (string?)job["stage"], (string?)job["type"], (int)job["start_frame"]!, (int)job["stop_frame"]!, (int)job["frame_count"]!));
        Assert.Equal((taskId, projectId), ((long)job["task_id"]!, (long)job["project_id"]!));
        var meta = await GetAsync(http, $"api/jobs/{(long)job["id"]!}/data/meta");
        Assert.Equal(new[] { "a.png:40x30", "b.png:50x40", "c.png:30x20" }, meta["frames"]!.AsArray().Select(f => $"{f!["name"]}:{f["width"]}x{f["height"]}"));
        Assert.Equal((3, 70), ((int)(await GetAsync(http, $"api/tasks/{taskId}"))["size"]!, (int)meta["image_quality"]!));
        Assert.Equal(new[] { "a.png", "b.png", "c.png" }, fake.Store.Frames(taskId).Select(f => f.Name));

        using var again = Upload("70", ("client_files[0]", "d.png", CvatFakeTestImages.Png(8, 8)));
        var refused = await http.PostAsync(new Uri($"api/tasks/{taskId}/data", UriKind.Relative), again);
        Assert.Equal((HttpStatusCode.BadRequest, "\"Adding more data is not supported\""), (refused.StatusCode, await refused.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Uploads_are_multipart_with_image_quality_and_real_images_only()
    {
        await using var fake = await CvatContractFake.StartAsync(Token, ReceiveAsync);
        using var http = Client(fake, Token);
        long projectId = (long)(await CreatedAsync(http, "api/projects", ProjectBody()))["id"]!;
        long taskId = (long)(await CreatedAsync(http, "api/tasks", new JsonObject { ["name"] = "bad", ["project_id"] = projectId }))["id"]!;
        var data = new Uri($"api/tasks/{taskId}/data", UriKind.Relative);

        using (var json = new StringContent("{\"image_quality\": 70}", Encoding.UTF8, "application/json"))
        {
            Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await http.PostAsync(data, json)).StatusCode);
        }

        using (var noQuality = Upload(null, ("client_files[0]", "a.png", CvatFakeTestImages.Png(4, 4))))
        {
            var answer = await http.PostAsync(data, noQuality);
            Assert.Equal("This field is required.", (string?)(await JsonAsync(answer))["image_quality"]![0]);
        }

        using (var noFiles = Upload("70"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await http.PostAsync(data, noFiles)).StatusCode);
        }

        using (var text = Upload("70", ("client_files[0]", "a.png", CvatFakeTestImages.Png(4, 4)), ("client_files[1]", "notes.txt", "not an image"u8.ToArray())))
        {
            Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsync(data, text)).StatusCode);
        }

        string poll = $"api/requests/{Uri.EscapeDataString($"action=create&target=task&target_id={taskId}")}";
        await GetAsync(http, poll);
        var failed = await GetAsync(http, poll);
        Assert.Equal("failed", (string?)failed["status"]);
        Assert.Contains("'notes.txt' is not a PNG or JPEG image", (string?)failed["message"], StringComparison.Ordinal);
        Assert.Empty(fake.Store.Frames(taskId));
        using (var retry = Upload("70", ("client_files[0]", "a.png", CvatFakeTestImages.Png(4, 4))))
        {
            Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsync(data, retry)).StatusCode);
        }

        await GetAsync(http, poll);
        Assert.Equal("finished", (string?)(await GetAsync(http, poll))["status"]);
        Assert.Equal(new[] { "a.png" }, fake.Store.Frames(taskId).Select(f => f.Name));

        long jpegTask = (long)(await CreatedAsync(http, "api/tasks", new JsonObject { ["name"] = "jpeg", ["project_id"] = projectId }))["id"]!;
        using (var jpegs = Upload("95", ("client_files[0]", "z.jpg", CvatFakeTestImages.Jpeg(64, 48)), ("client_files[1]", "y.jpg", CvatFakeTestImages.Jpeg(32, 16)), ("sorting_method", null, "predefined"u8.ToArray())))
        {
            Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsync(new Uri($"api/tasks/{jpegTask}/data", UriKind.Relative), jpegs)).StatusCode);
        }

        string jpegPoll = $"api/requests/{Uri.EscapeDataString($"action=create&target=task&target_id={jpegTask}")}";
        await GetAsync(http, jpegPoll);
        Assert.Equal("finished", (string?)(await GetAsync(http, jpegPoll))["status"]);
        Assert.Equal(new[] { "z.jpg:64x48", "y.jpg:32x16" }, fake.Store.Frames(jpegTask).Select(f => $"{f.Name}:{f.Width}x{f.Height}"));
    }

    [Fact]
    public async Task Created_shapes_come_back_with_ids_floats_and_their_labels_default_attributes()
    {
        await using var fake = await CvatContractFake.StartAsync(Token, ReceiveAsync);
        using var http = Client(fake, Token);
        var setup = await SetUpAsync(http);
        var written = await PatchAsync(http, $"api/jobs/{setup.JobId}/annotations?action=create", Shapes(
            PointShape(setup, 0, 10, 12.5, new JsonObject { ["spec_id"] = setup.Verified, ["value"] = "true" }),
            MaskShape(setup, 1, [3, 4, 1, 2, 3, 5, 4])));
        Assert.Equal(HttpStatusCode.OK, written.StatusCode);
        var answer = await JsonAsync(written);
        Assert.Equal(new[] { 1L, 2L }, answer["shapes"]!.AsArray().Select(s => (long)s!["id"]!));
        Assert.Equal(1, (int)answer["version"]!);

        var response = await http.GetAsync(new Uri($"api/jobs/{setup.JobId}/annotations", UriKind.Relative));
        string text = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"points\":[10.0,12.5]", text, StringComparison.Ordinal);
        var shapes = JsonNode.Parse(text)!["shapes"]!.AsArray();
        Assert.Equal(new[] { "points", "mask" }, shapes.Select(s => (string)s!["type"]!));
        Assert.Equal(new[] { "true", "road" }, shapes[0]!["attributes"]!.AsArray().Select(a => (string)a!["value"]!));
        Assert.Equal(("manual", false, 0), ((string?)shapes[0]!["source"], (bool)shapes[0]!["occluded"]!, (int)shapes[0]!["z_order"]!));
        Assert.Equal(new[] { "0" }, shapes[1]!["attributes"]!.AsArray().Select(a => (string)a!["value"]!));

        var outside = await PatchAsync(http, $"api/jobs/{setup.JobId}/annotations?action=create", Shapes(PointShape(setup, 0, 500, -3)));
        Assert.Equal(HttpStatusCode.OK, outside.StatusCode);
        var update = (await JsonAsync(outside))["shapes"]![0]!.DeepClone().AsObject();
        update["points"] = new JsonArray(1.5, 2.5);
        Assert.Equal(HttpStatusCode.OK, (await PatchAsync(http, $"api/jobs/{setup.JobId}/annotations?action=update", Shapes(update))).StatusCode);
        Assert.Equal(new[] { 1.5, 2.5 }, fake.Store.Shape(setup.JobId, 3)!["points"]!.AsArray().Select(p => (double)p!));
        var unknown = update.DeepClone().AsObject();
        unknown["id"] = 999;
        Assert.Equal(HttpStatusCode.OK, (await PatchAsync(http, $"api/jobs/{setup.JobId}/annotations?action=delete", Shapes(update, unknown))).StatusCode);
        Assert.Equal(2, fake.Annotations(setup.JobId)["shapes"]!.AsArray().Count);
    }

    [Fact]
    public async Task Annotation_writes_are_refused_with_messages_naming_what_is_wrong()
    {
        await using var fake = await CvatContractFake.StartAsync(Token, ReceiveAsync);
        using var http = Client(fake, Token);
        var setup = await SetUpAsync(http);
        var other = await CreatedAsync(http, "api/projects", new JsonObject { ["name"] = "other", ["labels"] = new JsonArray(new JsonObject { ["name"] = "foreign", ["type"] = "points" }) });
        long foreign = (long)(await GetAsync(http, $"api/labels?project_id={(long)other["id"]!}"))["results"]![0]!["id"]!;
        string create = $"api/jobs/{setup.JobId}/annotations?action=create";

        var foreignShape = PointShape(setup, 0, 1, 1);
        foreignShape["label_id"] = foreign;
        await AssertRefusedAsync(http, create, Shapes(foreignShape), $"label_id `{foreign}` is invalid");
        await AssertRefusedAsync(http, create, Shapes(MaskShape(setup, 1, [3, 4, 2, 2, 3, 5, 4])), "shapes[0].points: run lengths sum to 9, but the box [2, 3, 5, 4] holds 4x2 = 8 pixels");
        await AssertRefusedAsync(http, create, Shapes(MaskShape(setup, 1, [3, 4, 1, 2, 3, 50, 4])), "is not inside the 50x40 image");
        await AssertRefusedAsync(http, create, Shapes(PointShape(setup, 0, 1, 1, new JsonObject { ["spec_id"] = setup.Score, ["value"] = "3" })), $"spec_id `{setup.Score}` is invalid");
        await AssertRefusedAsync(http, create, Shapes(PointShape(setup, 0, 1, 1, new JsonObject { ["spec_id"] = setup.Verified, ["value"] = true })), "'True' is not a valid value for the checkbox attribute 'verified'");
        await AssertRefusedAsync(http, create, Shapes(PointShape(setup, 5, 1, 1)), "shapes[0].frame: 5 is outside the job's frames 0..2");
        await AssertRefusedAsync(http, create, Shapes(PointShape(setup, 0, 1, 1, 2)), "shapes[0].points: 3 values are not a list of x, y pairs");
        var wrongType = MaskShape(setup, 1, [3, 4, 1, 2, 3, 5, 4]);
        wrongType["label_id"] = setup.Point;
        await AssertRefusedAsync(http, create, Shapes(wrongType), "label 'point' has type points, so it cannot be a mask shape");
        var unknown = PointShape(setup, 0, 1, 1);
        unknown["id"] = 999;
        await AssertRefusedAsync(http, $"api/jobs/{setup.JobId}/annotations?action=update", Shapes(unknown), "shapes[0].id: job 1 has no object 999 to update");
        await AssertRefusedAsync(http, $"api/jobs/{setup.JobId}/annotations?action=merge", Shapes(), "Please specify a correct 'action' for the request");
        await AssertRefusedAsync(http, $"api/jobs/{setup.JobId}/annotations", Shapes(), "Please specify a correct 'action' for the request");

        var untyped = PointShape(setup, 0, 1, 1);
        untyped.Remove("type");
        var serializer = await JsonAsync(await PatchAsync(http, create, Shapes(untyped)));
        Assert.Equal("This field is required.", (string?)serializer["shapes"]![0]!["type"]![0]);
        Assert.Empty(fake.Annotations(setup.JobId)["shapes"]!.AsArray());
    }

    [Fact]
    public async Task A_job_state_change_delivers_update_job_signed_over_the_exact_python_json_bytes()
    {
        await using var fake = await CvatContractFake.StartAsync(Token, ReceiveAsync);
        using var http = Client(fake, Token);
        var setup = await SetUpAsync(http);
        string target = "http://engine.test/api/cvat/webhook";
        await AssertRefusedAsync(http, "api/webhooks", Webhook(setup, target, "update:everything"), "\"update:everything\" is not a valid choice.");
        await AssertRefusedAsync(http, "api/webhooks", Webhook(setup, target, "update:organization"), "Invalid events list for project webhook");
        await AssertRefusedAsync(http, "api/webhooks", Webhook(setup, "engine/webhook", "update:job"), "Enter a valid URL.");
        var created = await CreatedAsync(http, "api/webhooks", Webhook(setup, target, "update:job", "create:task"));
        Assert.False(created.ContainsKey("secret"));
        Assert.Equal(new[] { "create:task", "update:job" }, created["events"]!.AsArray().Select(e => (string)e!));
        var inactive = Webhook(setup, "http://elsewhere.test/hook", "update:job");
        inactive["is_active"] = false;
        await CreatedAsync(http, "api/webhooks", inactive);
        await CreatedAsync(http, "api/webhooks", Webhook(setup, "http://elsewhere.test/tasks", "update:task"));

        var before = fake.Store.Job(setup.JobId)!;
        var deliveries = await fake.SetJobStateAsync(setup.JobId, "completed");
        var delivery = Assert.Single(deliveries);
        var sent = Assert.Single(received);
        Assert.Equal((new Uri(target), "application/json", delivery.Body), (sent.Target, sent.ContentType, Encoding.UTF8.GetString(sent.Body)));
        string expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), sent.Body));
        Assert.Equal((expected, expected), (sent.Signature, delivery.Signature));
        Assert.StartsWith("{\"event\": \"update:job\", \"job\": {\"url\": \"http://127.0.0.1:", delivery.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("\",\"", delivery.Body, StringComparison.Ordinal);
        Assert.True(sent.Body.All(b => b < 0x80));

        var payload = delivery.Payload;
        Assert.Equal(new[] { "event", "job", "sender", "before_update", "webhook_id" }, payload.Select(p => p.Key));
        Assert.True(JsonNode.DeepEquals(fake.Store.Job(setup.JobId), payload["job"]));
        Assert.Equal(("completed", "new", "annotator", (long)created["id"]!), ((string?)payload["job"]!["state"], (string?)payload["before_update"]!["state"], (string?)payload["sender"]!["username"], (long)payload["webhook_id"]!));
        Assert.Equal(new[] { "state", "updated_date" }, payload["before_update"]!.AsObject().Select(p => p.Key));
        Assert.Equal((string?)before["updated_date"], (string?)payload["before_update"]!["updated_date"]);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{6})?Z$", (string)payload["job"]!["updated_date"]!);
        Assert.True(Stamp(payload["job"]!["updated_date"]) > Stamp(before["updated_date"]));

        var patched = await PatchAsync(http, $"api/jobs/{setup.JobId}", new JsonObject { ["state"] = "in progress" });
        Assert.Equal("in progress", (string?)(await JsonAsync(patched))["state"]);
        var second = fake.Deliveries[^1];
        Assert.Equal((CvatFakeStore.TokenUsername, "completed"), ((string?)second.Payload["sender"]!["username"], (string?)second.Payload["before_update"]!["state"]));

        var again = await fake.RedeliverLastAsync();
        Assert.True(again.Redelivery);
        Assert.Equal(received.ElementAt(1).Body, received.ElementAt(2).Body);
        Assert.Equal(received.ElementAt(1).Signature, received.ElementAt(2).Signature);
        Assert.Equal(200, (int)(await GetAsync(http, $"api/webhooks/{(long)created["id"]!}"))["last_status"]!);

        var touch = Assert.Single(await fake.TouchJobAsync(setup.JobId));
        Assert.Equal(new[] { "updated_date" }, touch.Payload["before_update"]!.AsObject().Select(p => p.Key));
        fake.WebhookPayloadLayout = CvatWebhookPayloadLayout.Current;
        var current = Assert.Single(await fake.SetJobStateAsync(setup.JobId, "completed"));
        Assert.Equal(new[] { "event", "webhook_id", "job", "sender" }, current.Payload.Select(p => p.Key));
        Assert.Equal(5, fake.Deliveries.Count);
    }

    [Fact]
    public async Task The_annotator_relabels_sets_attributes_moves_adds_and_deletes_shapes()
    {
        await using var fake = await CvatContractFake.StartAsync(Token, ReceiveAsync);
        using var http = Client(fake, Token);
        var setup = await SetUpAsync(http);
        await PatchAsync(http, $"api/jobs/{setup.JobId}/annotations?action=create", Shapes(PointShape(setup, 0, 10, 10)));
        string stamp = (string)fake.Store.Job(setup.JobId)!["updated_date"]!;

        fake.SetAttribute(setup.JobId, 1, "class", "car");
        Assert.Equal(new[] { "car", "false" }, fake.Store.Shape(setup.JobId, 1)!["attributes"]!.AsArray().Select(a => (string)a!["value"]!));
        Assert.Throws<ArgumentException>(() => fake.SetAttribute(setup.JobId, 1, "class", "bike"));
        Assert.Throws<ArgumentException>(() => fake.SetShapeLabel(setup.JobId, 1, "region"));
        fake.SetShapeLabel(setup.JobId, 1, "other point");
        var relabeled = fake.Store.Shape(setup.JobId, 1)!;
        Assert.Equal((setup.OtherPoint, "true"), ((long)relabeled["label_id"]!, (string?)relabeled["attributes"]![0]!["value"]));
        Assert.Single(relabeled["attributes"]!.AsArray());
        fake.MoveShape(setup.JobId, 1, -5, 7.25);
        Assert.Equal(new[] { -5.0, 7.25 }, fake.Store.Shape(setup.JobId, 1)!["points"]!.AsArray().Select(p => (double)p!));
        long added = fake.AddPoint(setup.JobId, 2, "point", 3, 4);
        var point = fake.Store.Shape(setup.JobId, added)!;
        Assert.Equal(("points", 2, "manual"), ((string?)point["type"], (int)point["frame"]!, (string?)point["source"]));
        fake.DeleteShape(setup.JobId, 1);

        var annotations = await GetAsync(http, $"api/jobs/{setup.JobId}/annotations");
        Assert.Equal(new[] { added }, annotations["shapes"]!.AsArray().Select(s => (long)s!["id"]!));
        Assert.Equal(6, (int)annotations["version"]!);
        Assert.True(Stamp((string)fake.Store.Job(setup.JobId)!["updated_date"]!) > Stamp(stamp));
    }

    private sealed record Received(Uri Target, string? Signature, string? ContentType, byte[] Body);

    private sealed record Setup(long ProjectId, long TaskId, long JobId, long Point, long Region, long OtherPoint, long Verified, long Class, long Score);

    private async Task<HttpResponseMessage> ReceiveAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        byte[] body = await request.Content!.ReadAsByteArrayAsync(cancellationToken);
        string? signature = request.Headers.TryGetValues("X-Signature-256", out var values) ? values.Single() : null;
        received.Enqueue(new Received(request.RequestUri!, signature, request.Content.Headers.ContentType?.ToString(), body));
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("received") };
    }

    // A project with a points label (checkbox + select attributes), a mask label (number attribute) and a second points
    // label; a task in it with three PNGs; the upload polled to its end.
    private static async Task<Setup> SetUpAsync(HttpClient http)
    {
        long projectId = (long)(await CreatedAsync(http, "api/projects", ProjectBody()))["id"]!;
        long taskId = (long)(await CreatedAsync(http, "api/tasks", new JsonObject { ["name"] = "frames", ["project_id"] = projectId }))["id"]!;
        using (var upload = Upload("80", ("client_files[0]", "c.png", CvatFakeTestImages.Png(30, 20)), ("client_files[1]", "a.png", CvatFakeTestImages.Png(40, 30)), ("client_files[2]", "b.png", CvatFakeTestImages.Png(50, 40))))
        {
            Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsync(new Uri($"api/tasks/{taskId}/data", UriKind.Relative), upload)).StatusCode);
        }

        string poll = $"api/requests/{Uri.EscapeDataString($"action=create&target=task&target_id={taskId}")}";
        while ((string?)(await GetAsync(http, poll))["status"] is not ("finished" or "failed"))
        {
            await Task.Delay(1);
        }

        long jobId = (long)(await GetAsync(http, $"api/jobs?task_id={taskId}"))["results"]![0]!["id"]!;
        var labels = (await GetAsync(http, $"api/labels?task_id={taskId}"))["results"]!.AsArray();
        JsonNode Label(string name) => labels.Single(l => (string?)l!["name"] == name)!;
        long Spec(string label, string name) => (long)Label(label)["attributes"]!.AsArray().Single(a => (string?)a!["name"] == name)!["id"]!;
        return new Setup(projectId, taskId, jobId, (long)Label("point")["id"]!, (long)Label("region")["id"]!, (long)Label("other point")["id"]!,
            Spec("point", "verified"), Spec("point", "class"), Spec("region", "score"));
    }

    private static JsonObject ProjectBody() => new()
    {
        ["name"] = "corrections",
        ["labels"] = new JsonArray(
            new JsonObject
            {
                ["name"] = "point",
                ["type"] = "points",
                ["attributes"] = new JsonArray(
                    Attribute("verified", "checkbox", "false", "false"),
                    Attribute("class", "select", "road", "road", "car")),
            },
            new JsonObject { ["name"] = "region", ["type"] = "mask", ["attributes"] = new JsonArray(Attribute("score", "number", "0", "0", "10", "1")) },
            new JsonObject { ["name"] = "other point", ["type"] = "points", ["attributes"] = new JsonArray(Attribute("visible", "checkbox", "true", "true")) }),
    };

    private static JsonObject Attribute(string name, string inputType, string defaultValue, params string[] values) => new()
    {
        ["name"] = name,
        ["mutable"] = false,
        ["input_type"] = inputType,
        ["default_value"] = defaultValue,
        ["values"] = new JsonArray([.. values.Select(v => (JsonNode?)v)]),
    };

    private static JsonObject PointShape(Setup setup, int frame, double x, double y, params JsonNode[] more)
    {
        var points = new JsonArray(x, y);
        var attributes = new JsonArray();
        foreach (var node in more)
        {
            if (node is JsonObject attribute)
            {
                attributes.Add(attribute.DeepClone());
            }
            else
            {
                points.Add(node.DeepClone());
            }
        }

        return new JsonObject { ["type"] = "points", ["frame"] = frame, ["label_id"] = setup.Point, ["points"] = points, ["attributes"] = attributes };
    }

    private static JsonObject MaskShape(Setup setup, int frame, int[] rle) => new()
    {
        ["type"] = "mask",
        ["frame"] = frame,
        ["label_id"] = setup.Region,
        ["points"] = new JsonArray([.. rle.Select(v => (JsonNode?)v)]),
        ["attributes"] = new JsonArray(),
    };

    private static JsonObject Shapes(params JsonObject[] shapes) => new()
    {
        ["version"] = 0,
        ["tags"] = new JsonArray(),
        ["shapes"] = new JsonArray([.. shapes.Select(s => (JsonNode?)s.DeepClone())]),
        ["tracks"] = new JsonArray(),
    };

    private static JsonObject Webhook(Setup setup, string target, params string[] events) => new()
    {
        ["target_url"] = target,
        ["type"] = "project",
        ["project_id"] = setup.ProjectId,
        ["events"] = new JsonArray([.. events.Select(e => (JsonNode?)e)]),
        ["content_type"] = "application/json",
        ["secret"] = Secret,
    };

    private static MultipartFormDataContent Upload(string? imageQuality, params (string Field, string? FileName, byte[] Bytes)[] parts)
    {
        var form = new MultipartFormDataContent();
        if (imageQuality is not null)
        {
            form.Add(new StringContent(imageQuality), "image_quality");
        }

        foreach (var (field, fileName, bytes) in parts)
        {
            if (fileName is null)
            {
                form.Add(new StringContent(Encoding.UTF8.GetString(bytes)), field);
            }
            else
            {
                form.Add(new ByteArrayContent(bytes), field, fileName);
            }
        }

        return form;
    }

    private static HttpClient Client(CvatContractFake fake, string? token)
    {
        var http = new HttpClient { BaseAddress = fake.BaseUrl };
        if (token is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Token", token);
        }

        return http;
    }

    private static async Task AssertRefusedAsync(HttpClient http, string path, JsonObject body, string message)
    {
        var answer = path.Contains("annotations", StringComparison.Ordinal) ? await PatchAsync(http, path, body) : await PostAsync(http, path, body);
        string text = await answer.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Contains(PythonJson.DumpsCompact(message)[1..^1], text, StringComparison.Ordinal);
    }

    private static async Task<JsonObject> CreatedAsync(HttpClient http, string path, JsonObject body)
    {
        var answer = await PostAsync(http, path, body);
        string text = await answer.Content.ReadAsStringAsync();
        Assert.True(answer.StatusCode == HttpStatusCode.Created, $"POST {path}: {(int)answer.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient http, string path, JsonObject body) =>
        http.PostAsync(new Uri(path, UriKind.Relative), new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));

    private static Task<HttpResponseMessage> PatchAsync(HttpClient http, string path, JsonObject body) =>
        http.PatchAsync(new Uri(path, UriKind.Relative), new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));

    private static async Task<JsonNode> GetAsync(HttpClient http, string path)
    {
        var answer = await http.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        return await JsonAsync(answer);
    }

    private static async Task<JsonNode> JsonAsync(HttpResponseMessage answer) => JsonNode.Parse(await answer.Content.ReadAsStringAsync())!;

    private static DateTime Stamp(JsonNode? stamp) => DateTime.Parse((string)stamp!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
