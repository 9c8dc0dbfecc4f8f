/**
 * The chart's picture with its markings above it, as a PNG: the lines say what the picture shows and how to
 * handle it (the strictest TLP on it, whose records, which chart, when), so a printed or forwarded copy keeps them.
 */
export async function markedPng(
  pictureUri: string,
  lines: readonly string[],
  fontFamily: string,
): Promise<Blob> {
  const picture = await loadImage(pictureUri);
  const scale = 2;
  const lineHeight = 20 * scale;
  const padding = 12 * scale;
  const band = padding * 2 + lineHeight * lines.length;
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(picture.width, 640 * scale);
  canvas.height = picture.height + band;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('No 2D canvas');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.fillStyle = '#1b2430';
  context.textBaseline = 'top';
  lines.forEach((line, index) => {
    context.font = `${index === 0 ? 'bold ' : ''}${14 * scale}px ${fontFamily}`;
    context.fillText(line, padding, padding + index * lineHeight, canvas.width - padding * 2);
  });
  context.strokeStyle = '#d6dce2';
  context.lineWidth = scale;
  context.beginPath();
  context.moveTo(0, band - scale);
  context.lineTo(canvas.width, band - scale);
  context.stroke();
  context.drawImage(picture, 0, band);
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG export failed'))), 'image/png'),
  );
}

function loadImage(uri: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('The chart picture could not be read'));
    image.src = uri;
  });
}
