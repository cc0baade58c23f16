// Golden vectors for the Label Studio brush RLE, made by the real @thi.ng/rle-pack (the library the editor
// encodes and decodes brush masks with). Run from this folder: `npm ci && node make-golden.mjs`.
//
// 1. fixtures/rle-pack-encoded.json: masks as the editor's canvas hands them over (row-major RGBA, the mask
//    in the alpha channel, antialiased where the case says so), each encoded by rle-pack's `encode`.
// 2. fixtures/ours-decoded-by-rle-pack.json: when fixtures/ours-encoded.json exists (written by the .NET
//    test suite with ALC_WRITE_OUR_ENCODINGS set, see README.md), every byte array our encoder produced,
//    decoded by rle-pack's `decode` (the RGBA raw-deflated, then base64, to keep the long cases small).
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { deflateRawSync } from "node:zlib";
import { decode, encode } from "@thi.ng/rle-pack";

const version = JSON.parse(readFileSync(new URL("./node_modules/@thi.ng/rle-pack/package.json", import.meta.url), "utf8")).version;
const here = new URL("./fixtures/", import.meta.url);

/** Deterministic 32-bit xorshift generator, so the fixtures are the same on every run. */
function random(seed) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13; s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5; s >>>= 0;
    return s / 4294967296;
  };
}

/** A w×h RGBA image whose pixel (x, y) gets alpha alphaAt(x, y) and colour rgb where alpha > 0, else 0,0,0,0. */
function image(w, h, rgb, alphaAt) {
  const rgba = new Uint8Array(w * h * 4);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const a = alphaAt(x, y);
      if (a > 0) rgba.set([rgb[0], rgb[1], rgb[2], a], (y * w + x) * 4);
    }
  }
  return rgba;
}

const white = [255, 255, 255];
const red = [255, 0, 0];
const rnd = random(18);
// pixels: "mask" = every channel 255 or 0 (what label-studio-converter's mask2rle and our encoder write);
// "canvas" = a colour where alpha > 0, as the editor's canvas hands it over (literal blocks, antialiased alpha).
const cases = [
  { name: "one-pixel-set", w: 1, h: 1, rgba: image(1, 1, white, () => 255) },
  { name: "empty", w: 16, h: 9, rgba: image(16, 9, white, () => 0) },
  { name: "full", w: 13, h: 7, rgba: image(13, 7, white, () => 255) },
  { name: "checkerboard", w: 8, h: 5, rgba: image(8, 5, white, (x, y) => ((x + y) % 2 ? 255 : 0)) },
  { name: "single-pixel", w: 7, h: 3, rgba: image(7, 3, white, (x, y) => (x === 4 && y === 1 ? 255 : 0)) },
  {
    name: "disk-antialiased", w: 40, h: 30, rgba: image(40, 30, red, (x, y) => {
      // Coverage of a radius-11 disk centred at (19.5, 14.5), as a canvas brush edge is antialiased.
      const d = Math.hypot(x + 0.5 - 19.5, y + 0.5 - 14.5) - 11;
      return Math.round(255 * Math.min(1, Math.max(0, 0.5 - d)));
    }),
  },
  { name: "long-runs-full", w: 129, h: 128, rgba: image(129, 128, white, () => 255) },
  {
    name: "long-runs-half", w: 160, h: 205, rgba: image(160, 205, white, (x, y) => (y >= 100 ? 255 : 0)),
  },
  {
    name: "random-antialiased", w: 37, h: 23, rgba: image(37, 23, [30, 144, 255], () => {
      const r = rnd();
      return r < 0.4 ? 0 : r < 0.8 ? 255 : 1 + Math.floor(rnd() * 254);
    }),
  },
  {
    name: "random-colour-noise", w: 19, h: 11, rgba: (() => {
      // Every channel random (alpha 0 with a colour too): the decoder must take only the alpha channel.
      const b = new Uint8Array(19 * 11 * 4);
      for (let i = 0; i < b.length; i++) b[i] = rnd() < 0.5 ? 0 : Math.floor(rnd() * 256);
      return b;
    })(),
  },
];

const b64 = (bytes) => Buffer.from(bytes).toString("base64");
/** One case a line, so a diff of the fixtures shows which cases changed. */
const fixture = (generator, cases) =>
  `{"generator": ${JSON.stringify(generator)}, "cases": [\n${cases.map((c) => JSON.stringify(c)).join(",\n")}\n]}\n`;
const alpha = (rgba) => rgba.filter((_, i) => i % 4 === 3);
const kind = (rgba) => (rgba.every((v, i) => v === rgba[i - (i % 4) + 3] && (v === 0 || v === 255)) ? "mask" : "canvas");

const encoded = cases.map(({ name, w, h, rgba }) => {
  const rle = encode(rgba, rgba.length);
  const back = decode(rle);
  if (Buffer.compare(Buffer.from(back), Buffer.from(rgba)) !== 0) throw new Error(`${name}: rle-pack did not round-trip`);
  return { name, width: w, height: h, pixels: kind(rgba), alphaBase64: b64(alpha(rgba)), rle: Array.from(rle) };
});
writeFileSync(new URL("rle-pack-encoded.json", here), fixture(`@thi.ng/rle-pack ${version} encode(rgba, rgba.length)`, encoded));
console.log(`rle-pack-encoded.json: ${encoded.length} cases (rle-pack ${version})`);

const ours = new URL("ours-encoded.json", here);
if (existsSync(ours)) {
  const input = JSON.parse(readFileSync(ours, "utf8"));
  const decoded = input.cases.map(({ name, width, height, rle }) => {
    const rgba = decode(new Uint8Array(rle));
    return { name, width, height, rle, decodedLength: rgba.length, decodedRgbaDeflateBase64: b64(deflateRawSync(rgba, { level: 9 })) };
  });
  writeFileSync(new URL("ours-decoded-by-rle-pack.json", here), fixture(`@thi.ng/rle-pack ${version} decode(rle)`, decoded));
  console.log(`ours-decoded-by-rle-pack.json: ${decoded.length} cases`);
}
