/**
 * The fonts the chart's canvas draws with. A canvas never falls back to the page's CSS fonts, and the node's
 * machine may have no Hangul or Khmer system font at all, so the chart names the bundled Noto faces
 * (@fontsource-variable, loaded in main.tsx) first — Khmer first when the UI is in Khmer, as the page does.
 */
export function chartFontFamily(language: string): string {
  const faces = ['"Noto Sans KR Variable"', '"Noto Sans Khmer Variable"'];
  if (language === 'km') faces.reverse();
  return [...faces, 'sans-serif'].join(', ');
}

/**
 * Loads the parts of the bundled faces that cover these texts (the faces are split by unicode range and load
 * only when asked), so the canvas draws the labels in them instead of boxes. Resolves once they are usable.
 */
export async function loadChartFonts(texts: readonly string[], size = 12): Promise<void> {
  if (typeof document === 'undefined' || !document.fonts) return;
  const sample = [...new Set(texts.join(''))].join('');
  if (!sample.trim()) return;
  await Promise.all(
    ['"Noto Sans KR Variable"', '"Noto Sans Khmer Variable"'].map((face) =>
      document.fonts.load(`${size}px ${face}`, sample).catch(() => []),
    ),
  );
}
