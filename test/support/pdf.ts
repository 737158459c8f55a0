/**
 * Reads a PDF in tests with pdfjs-dist (npm), so that `npm test` needs no
 * poppler: page count and sizes, the document title, whether it is tagged,
 * its text laid out in lines, its structure tree and its outline.
 */
import { getDocument, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface StructNode {
  role: string;
  children: StructNode[];
}

export interface PdfContents {
  pages: number;
  /** Page sizes in points (A4 is 595.28 × 841.89). */
  pageSizes: { width: number; height: number }[];
  title: string | null;
  /** The catalogue's MarkInfo says Marked: a tagged PDF. */
  tagged: boolean;
  /** Text of each page, one line per row of text, items of a row in reading order joined by a space. */
  pageTexts: string[];
  /** Every page's text, pages separated by a form feed (as pdftotext writes them). */
  text: string;
  /** The structure tree of each page (null where a page has none). */
  structTrees: (StructNode | null)[];
  /** Titles of the outline (bookmarks), depth first. */
  outline: string[];
}

interface TextItem { str: string; transform: number[]; width: number }
interface RawStructNode { role?: string; children?: unknown[] }
interface OutlineItem { title: string; items: OutlineItem[] }

export async function readPdf(bytes: Uint8Array): Promise<PdfContents> {
  // pdfjs takes ownership of (detaches) the buffer it is given: hand it a copy.
  const document = await getDocument({ data: new Uint8Array(bytes), verbosity: VerbosityLevel.ERRORS, isEvalSupported: false }).promise;
  try {
    const pageSizes: PdfContents['pageSizes'] = [];
    const pageTexts: string[] = [];
    const structTrees: PdfContents['structTrees'] = [];
    for (let n = 1; n <= document.numPages; n++) {
      const page = await document.getPage(n);
      const [x0, y0, x1, y1] = page.view as [number, number, number, number];
      pageSizes.push({ width: x1 - x0, height: y1 - y0 });
      const content = await page.getTextContent();
      pageTexts.push(linesOf(content.items.flatMap((i) => ('str' in i ? [{ str: i.str, transform: i.transform as number[], width: i.width }] : []))));
      const tree = (await page.getStructTree()) as RawStructNode | null;
      structTrees.push(tree ? structNode(tree) : null);
    }
    const markInfo = await document.getMarkInfo();
    const metadata = await document.getMetadata();
    const title = (metadata.info as { Title?: string }).Title ?? null;
    const outline = flattenOutline(((await document.getOutline()) ?? []) as OutlineItem[]);
    return {
      pages: document.numPages, pageSizes, title, tagged: markInfo?.Marked === true,
      pageTexts, text: pageTexts.join('\f'), structTrees, outline,
    };
  } finally {
    await document.destroy();
  }
}

/** One run of text on a page, as pdfjs reads it: where it is, how big, and what the tags say it is part of. */
export interface TextRun {
  /** 1-based page number. */
  page: number;
  str: string;
  /** Font size in points: the height of the text's em square after every transform (so a scaled-down page shows as smaller text). */
  size: number;
  /** Left edge and right edge (left + advance width), points from the left of the page. */
  left: number;
  right: number;
  /** Baseline, points from the foot of the page. */
  y: number;
  /** Inside a Table of the structure tree (caption, headings and cells). */
  inTable: boolean;
  pageWidth: number;
}

/**
 * Every non-blank run of text of every page, with its size and extent. A
 * run is placed in a table through the tagged PDF: its marked-content id is
 * found under a Table node of the page's structure tree.
 */
export async function textRuns(bytes: Uint8Array): Promise<TextRun[]> {
  const document = await getDocument({ data: new Uint8Array(bytes), verbosity: VerbosityLevel.ERRORS, isEvalSupported: false }).promise;
  try {
    const runs: TextRun[] = [];
    for (let n = 1; n <= document.numPages; n++) {
      const page = await document.getPage(n);
      const [x0, , x1] = page.view as [number, number, number, number];
      const inTable = new Set<string>();
      const walk = (node: RawStructContent, table: boolean): void => {
        if (node.type === 'content' && node.id !== undefined) { if (table) inTable.add(node.id); return; }
        for (const child of node.children ?? []) walk(child, table || node.role === 'Table');
      };
      const tree = (await page.getStructTree()) as RawStructContent | null;
      if (tree) walk(tree, false);
      const content = await page.getTextContent({ includeMarkedContent: true });
      const open: (string | undefined)[] = [];
      for (const item of content.items) {
        if ('type' in item) {
          if (item.type === 'beginMarkedContentProps' || item.type === 'beginMarkedContent') open.push(item.id ?? undefined);
          else if (item.type === 'endMarkedContent') open.pop();
          continue;
        }
        if (item.str.trim() === '') continue;
        const [, , c, d, e, f] = item.transform as [number, number, number, number, number, number];
        runs.push({
          page: n, str: item.str, size: Math.hypot(c, d), left: e, right: e + item.width, y: f,
          inTable: open.some((id) => id !== undefined && inTable.has(id)), pageWidth: x1 - x0,
        });
      }
    }
    return runs;
  } finally {
    await document.destroy();
  }
}

interface RawStructContent { role?: string; type?: string; id?: string; children?: RawStructContent[] }

/** Every role in a structure tree, depth first. */
export function rolesIn(node: StructNode | null): string[] {
  return node ? [node.role, ...node.children.flatMap(rolesIn)] : [];
}

/**
 * Text items grouped into rows by their baseline (within 2 pt), rows top to
 * bottom, items left to right: close enough to `pdftotext -layout` that a
 * table row reads as one line. Items that touch (a word split around a
 * ligature such as "fi") are joined without a space; items with a gap between
 * them, with one.
 */
function linesOf(items: TextItem[]): string {
  const rows: { y: number; items: TextItem[] }[] = [];
  for (const item of items) {
    if (item.str.trim() === '') continue;
    const y = item.transform[5]!;
    let row = rows.find((r) => Math.abs(r.y - y) <= 2);
    if (!row) rows.push(row = { y, items: [] });
    row.items.push(item);
  }
  return rows.sort((a, b) => b.y - a.y).map((r) => {
    const sorted = r.items.sort((a, b) => a.transform[4]! - b.transform[4]!);
    let line = '';
    let end = -Infinity;
    for (const item of sorted) {
      const x = item.transform[4]!;
      line += (line === '' || x - end < 0.5 ? '' : ' ') + item.str;
      end = x + item.width;
    }
    return line.replace(/\s+/g, ' ').trim();
  }).join('\n');
}

function structNode(raw: RawStructNode): StructNode {
  const children = (raw.children ?? []).filter((c): c is RawStructNode => typeof c === 'object' && c !== null && 'role' in c);
  return { role: raw.role ?? '', children: children.map(structNode) };
}

function flattenOutline(items: OutlineItem[]): string[] {
  return items.flatMap((i) => [i.title, ...flattenOutline(i.items ?? [])]);
}
