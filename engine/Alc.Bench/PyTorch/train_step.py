"""The training step of Alc.Engine's models in PyTorch, for `alc-engine bench-train`.

The same architectures as engine/Alc.Training/Models (fcn-small; DeepLab-v3+ on a ResNet-18 at output stride 16),
layer for layer, and the same step: SGD with momentum 0.9 and weight decay 1e-4, pixel-wise cross-entropy ignoring
label 255, train mode. The batch is one fixed random tensor (no data pipeline): this is the floor the project's
trainer, which augments and batches real images, is compared with. Prints one JSON object.
"""
import argparse
import json
import os
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


class ConvBnReLU(nn.Module):
    def __init__(self, cin, cout, k=3, stride=1, dilation=1):
        super().__init__()
        self.conv = nn.Conv2d(cin, cout, k, stride=stride, padding=dilation * (k - 1) // 2, dilation=dilation, bias=False)
        self.bn = nn.BatchNorm2d(cout)

    def forward(self, x):
        return F.relu(self.bn(self.conv(x)))


class FcnSmall(nn.Module):
    def __init__(self, classes):
        super().__init__()
        self.block1 = ConvBnReLU(3, 32, stride=2)
        self.block2 = ConvBnReLU(32, 64, stride=2)
        self.block3 = ConvBnReLU(64, 96, dilation=2)
        self.block4 = ConvBnReLU(96, 128, dilation=4)
        self.block5 = ConvBnReLU(128, 128, dilation=8)
        self.classifier = nn.Conv2d(128, classes, 1)

    def forward(self, x):
        h, w = x.shape[2:]
        x = self.block5(self.block4(self.block3(self.block2(self.block1(x)))))
        return F.interpolate(self.classifier(x), size=(h, w), mode="bilinear", align_corners=False)


class BasicBlock(nn.Module):
    def __init__(self, cin, planes, stride=1, dilation=1):
        super().__init__()
        self.conv1 = nn.Conv2d(cin, planes, 3, stride=stride, padding=dilation, dilation=dilation, bias=False)
        self.bn1 = nn.BatchNorm2d(planes)
        self.conv2 = nn.Conv2d(planes, planes, 3, padding=dilation, dilation=dilation, bias=False)
        self.bn2 = nn.BatchNorm2d(planes)
        self.downsample = None
        if stride != 1 or cin != planes:
            self.downsample = nn.Sequential(nn.Conv2d(cin, planes, 1, stride=stride, bias=False), nn.BatchNorm2d(planes))

    def forward(self, x):
        out = self.bn2(self.conv2(F.relu(self.bn1(self.conv1(x)))))
        return F.relu(out + (x if self.downsample is None else self.downsample(x)))


class ResNet18(nn.Module):
    """ResNet-18 at output stride 16: layer4 dilated instead of strided, as ResNet.Create(18, outputStride: 16)."""

    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 64, 7, stride=2, padding=3, bias=False)
        self.bn1 = nn.BatchNorm2d(64)
        self.layer1 = nn.Sequential(BasicBlock(64, 64), BasicBlock(64, 64))
        self.layer2 = nn.Sequential(BasicBlock(64, 128, 2), BasicBlock(128, 128))
        self.layer3 = nn.Sequential(BasicBlock(128, 256, 2), BasicBlock(256, 256))
        self.layer4 = nn.Sequential(BasicBlock(256, 512, 1, 1), BasicBlock(512, 512, 1, 2))

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.bn1(self.conv1(x))), 3, stride=2, padding=1)
        low = self.layer1(x)
        return low, self.layer4(self.layer3(self.layer2(low)))


class Aspp(nn.Module):
    def __init__(self, cin, rates, dropout=0.1):
        super().__init__()
        self.branch0 = ConvBnReLU(cin, 256, 1)
        self.branch1 = ConvBnReLU(cin, 256, 3, dilation=rates[0])
        self.branch2 = ConvBnReLU(cin, 256, 3, dilation=rates[1])
        self.branch3 = ConvBnReLU(cin, 256, 3, dilation=rates[2])
        self.pooling = ConvBnReLU(cin, 256, 1)
        self.project = ConvBnReLU(5 * 256, 256, 1)
        self.dropout = nn.Dropout(dropout)

    def forward(self, x):
        h, w = x.shape[2:]
        pooled = self.pooling(F.adaptive_avg_pool2d(x, 1)).expand(-1, -1, h, w)
        x = self.project(torch.cat([self.branch0(x), self.branch1(x), self.branch2(x), self.branch3(x), pooled], 1))
        return self.dropout(x)


class DeepLabV3Plus(nn.Module):
    def __init__(self, classes):
        super().__init__()
        self.backbone = ResNet18()
        self.aspp = Aspp(512, [6, 12, 18])
        self.low_level = ConvBnReLU(64, 48, 1)
        self.fuse1 = ConvBnReLU(256 + 48, 256, 3)
        self.fuse2 = ConvBnReLU(256, 256, 3)
        self.classifier = nn.Conv2d(256, classes, 1)

    def forward(self, x):
        h, w = x.shape[2:]
        low, high = self.backbone(x)
        low = self.low_level(low)
        context = F.interpolate(self.aspp(high), size=low.shape[2:], mode="bilinear", align_corners=False)
        x = self.fuse2(self.fuse1(torch.cat([context, low], 1)))
        return F.interpolate(self.classifier(x), size=(h, w), mode="bilinear", align_corners=False)


MODELS = {"fcn-small": FcnSmall, "deeplabv3plus-resnet18": DeepLabV3Plus}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", choices=sorted(MODELS), required=True)
    parser.add_argument("--classes", type=int, required=True)
    parser.add_argument("--batch", type=int, required=True)
    parser.add_argument("--crop", type=int, required=True)
    parser.add_argument("--iterations", type=int, required=True)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--threads", type=int, default=os.cpu_count())
    parser.add_argument("--lr", type=float, default=0.05)
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(1)
    model = MODELS[args.model](args.classes)
    model.train()
    optimizer = torch.optim.SGD(model.parameters(), lr=args.lr, momentum=0.9, weight_decay=1e-4)
    images = torch.randn(args.batch, 3, args.crop, args.crop)
    labels = torch.randint(0, args.classes, (args.batch, args.crop, args.crop))
    labels[:, :4, :] = 255

    def step():
        optimizer.zero_grad()
        loss = F.cross_entropy(model(images), labels, ignore_index=255)
        loss.backward()
        optimizer.step()
        return loss.item()

    for _ in range(args.warmup):
        step()
    start = time.perf_counter()
    for _ in range(args.iterations):
        step()
    seconds = time.perf_counter() - start
    print(json.dumps({
        "model": args.model,
        "torch": torch.__version__,
        "threads": torch.get_num_threads(),
        "parameters": sum(p.numel() for p in model.parameters()),
        "iterations": args.iterations,
        "seconds": seconds,
        "iterationsPerSecond": args.iterations / seconds,
    }))


if __name__ == "__main__":
    main()
