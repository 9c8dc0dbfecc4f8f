import { inflateSync } from 'node:zlib';

/**
 * The text a PDF reader recovers from a document made by the PDF toolkit (pdfkit): each page's content stream is
 * inflated, every `TJ`/`Tj` string is decoded glyph by glyph through its font's ToUnicode map, and the runs are
 * joined in drawing order. This is what a person copying text out of the file, or a search index, would get.
 *
 * Shaped Khmer comes back in glyph order, not in the typed order: a pre-base vowel or a subscript ro is drawn
 * before its consonant, and a reader working from the ToUnicode map recovers it there; `comparable` reduces
 * a string to what survives that, for tests.
 *
 * Written for pdfkit's output (indirect objects, Flate streams, Type0 fonts with 2-byte glyph codes), which is
 * the only producer on this node; the tests and the browser journey use it to read the briefing pack.
 */
export function pdfPagesText(pdf: Buffer): string[] {
  const source = pdf.toString('latin1');
  const objects = new Map<number, { dict: string; stream: Buffer | null }>();
  // Objects in file order; a stream is skipped by its /Length, so bytes inside it are never read as syntax.
  const header = /(\d+) 0 obj/g;
  for (let m = header.exec(source); m; m = header.exec(source)) {
    const from = m.index + m[0].length;
    const streamAt = source.indexOf('stream', from);
    const endAt = source.indexOf('endobj', from);
    if (streamAt < 0 || endAt < streamAt) {
      objects.set(Number(m[1]), { dict: source.slice(from, endAt), stream: null });
      header.lastIndex = endAt;
      continue;
    }
    const dict = source.slice(from, streamAt);
    let start = streamAt + 'stream'.length;
    if (source[start] === '\r') start++;
    if (source[start] === '\n') start++;
    const length = Number(/\/Length\s+(\d+)/.exec(dict)?.[1] ?? 0);
    let bytes = pdf.subarray(start, start + length);
    if (/\/Filter\s*\/FlateDecode/.test(dict)) bytes = inflateSync(bytes);
    objects.set(Number(m[1]), { dict, stream: bytes });
    header.lastIndex = source.indexOf('endobj', start + length);
  }
  const ref = (dict: string, key: string) => {
    const m = new RegExp(`/${key}\\s+(\\d+) 0 R`).exec(dict);
    return m ? Number(m[1]) : null;
  };
  const cmaps = new Map<number, Map<number, string>>();
  const cmapOf = (fontId: number) => {
    const cached = cmaps.get(fontId);
    if (cached) return cached;
    const map = new Map<number, string>();
    const toUnicode = ref(objects.get(fontId)?.dict ?? '', 'ToUnicode');
    const text = toUnicode !== null ? (objects.get(toUnicode)?.stream?.toString('latin1') ?? '') : '';
    for (const range of text.matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>\s*\[([^\]]*)\]/gi)) {
      const first = Number.parseInt(range[1]!, 16);
      [...range[3]!.matchAll(/<([0-9a-f ]*)>/gi)].forEach((entry, i) => {
        const units = entry[1]!.trim().split(/\s+/).filter(Boolean);
        map.set(first + i, String.fromCharCode(...units.map((u) => Number.parseInt(u, 16))));
      });
    }
    cmaps.set(fontId, map);
    return map;
  };

  const pageIds = orderedPages(objects);
  return pageIds.map((pageId) => {
    const page = objects.get(pageId)!.dict;
    const resources = resourcesOf(page, objects);
    const fonts = new Map<string, number>();
    const fontDict = /\/Font\s*<<([\s\S]*?)>>/.exec(resources)?.[1] ?? '';
    for (const f of fontDict.matchAll(/\/(\S+?)\s+(\d+) 0 R/g)) fonts.set(f[1]!, Number(f[2]));
    const contents = ref(page, 'Contents');
    const stream = contents !== null ? (objects.get(contents)?.stream?.toString('latin1') ?? '') : '';
    let cmap = new Map<number, string>();
    let out = '';
    let lineY: number | null = null;
    let startOfRun = false;
    // Each run (BT … ET) is placed by the Tm that opens it; a run more than 5 pt above or below the last one starts
    // a new line. Within a line, runs (a font change in a paragraph: the fonts' ascents differ by a few points)
    // are joined as written; a Tm inside a run only offsets a mark (Khmer vowel signs) and is ignored.
    const tokens =
      /\bBT\b|\/(\S+)\s+[\d.]+\s+Tf|[-\d.]+\s+([-\d.]+)\s+Tm|\[((?:<[0-9a-f]*>|[^\]])*)\]\s*TJ|<([0-9a-f]*)>\s*Tj/gi;
    for (const t of stream.matchAll(tokens)) {
      if (t[0] === 'BT') startOfRun = true;
      else if (t[1]) cmap = cmapOf(fonts.get(t[1]) ?? -1);
      else if (t[2] !== undefined) {
        if (!startOfRun) continue;
        const y = Number(t[2]);
        if (lineY !== null && Math.abs(y - lineY) > 5) out += '\n';
        lineY = y;
        startOfRun = false;
      } else {
        const hexes = t[3] !== undefined ? [...t[3].matchAll(/<([0-9a-f]*)>/gi)].map((h) => h[1]!) : [t[4]!];
        for (const hex of hexes)
          for (let i = 0; i + 4 <= hex.length; i += 4)
            out += cmap.get(Number.parseInt(hex.slice(i, i + 4), 16)) ?? '';
      }
    }
    return out;
  });
}

/** The document's text, page after page. */
export function pdfText(pdf: Buffer): string {
  return pdfPagesText(pdf).join('\n');
}

/** The page objects in reading order: the page tree's `Kids` from the catalog's `Pages`. */
function orderedPages(objects: Map<number, { dict: string }>): number[] {
  const catalog = [...objects.values()].find((o) => /\/Type\s*\/Catalog/.test(o.dict));
  const root = catalog ? Number(/\/Pages\s+(\d+) 0 R/.exec(catalog.dict)?.[1]) : Number.NaN;
  const walk = (id: number): number[] => {
    const dict = objects.get(id)?.dict ?? '';
    if (/\/Type\s*\/Page\b(?!s)/.test(dict)) return [id];
    const kids = /\/Kids\s*\[([^\]]*)\]/.exec(dict)?.[1] ?? '';
    return [...kids.matchAll(/(\d+) 0 R/g)].flatMap((k) => walk(Number(k[1])));
  };
  return walk(root);
}

/** A page's resource dictionary, inline or by reference. */
function resourcesOf(page: string, objects: Map<number, { dict: string }>): string {
  const byRef = /\/Resources\s+(\d+) 0 R/.exec(page);
  if (byRef) return objects.get(Number(byRef[1]))?.dict ?? '';
  return page;
}

// Khmer vowel signs, diacritics and the coeng (U+17D2) with the consonant it subscribes: what a reader may recover
// in another order than typed (or as another sign of the same glyph) when the text was shaped.
const khmerMarks = /\u17D2[\u1780-\u17B3]|[\u17B6-\u17D1\u17D3\u17DD]/g;

/**
 * Text reduced to what survives shaping in order: everything but Khmer marks (so Latin and Hangul are kept
 * exactly, Khmer by its base letters in order). Compare `comparable(pdfText(pdf))` with `comparable(expected)`.
 */
export function comparable(text: string): string {
  return text.replace(khmerMarks, '');
}
