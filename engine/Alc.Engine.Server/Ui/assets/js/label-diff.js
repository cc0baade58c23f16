// D0 against D_t for one image: both label PNGs are drawn to canvases and compared pixel by pixel; the changed pixels
// are painted magenta on a dimmed copy of the photo.

/** Decodes an image blob to ImageData. */
async function pixels(blob) {
  const bitmap = await createImageBitmap(blob);
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const context = canvas.getContext('2d');
  context.drawImage(bitmap, 0, 0);
  return context.getImageData(0, 0, bitmap.width, bitmap.height);
}

/** A canvas of the photo (dimmed) with the pixels whose label differs between the two label images in magenta, and the count. */
export async function changedPixels(photoBlob, beforeBlob, afterBlob) {
  const [photo, before, after] = await Promise.all([pixels(photoBlob), pixels(beforeBlob), pixels(afterBlob)]);
  const canvas = document.createElement('canvas');
  canvas.width = photo.width;
  canvas.height = photo.height;
  const out = new ImageData(photo.width, photo.height);
  let changed = 0;
  for (let i = 0; i < out.data.length; i += 4) {
    const differs = before.data[i] !== after.data[i] || before.data[i + 1] !== after.data[i + 1] || before.data[i + 2] !== after.data[i + 2];
    if (differs) {
      changed++;
      out.data.set([255, 0, 255, 255], i);
    } else {
      out.data.set([photo.data[i] * 0.45, photo.data[i + 1] * 0.45, photo.data[i + 2] * 0.45, 255], i);
    }
  }
  canvas.getContext('2d').putImageData(out, 0, 0);
  return { canvas, changed };
}
