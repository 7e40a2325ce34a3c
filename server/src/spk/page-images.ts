import { renderPage } from '../pdf';

/** Screen resolution for staff comparing signature pages: legible handwriting, ~1 MB per A4 page. */
const DPI = 110;
/** Rendered pages kept in memory; each version is immutable (keyed by its SHA-256), so entries never go stale. */
const CACHE_ENTRIES = 48;
/** The SPK is a few pages; an upload with hundreds is not a contract and is not rendered page by page. */
export const MAX_PAGE = 200;

export interface PageImage {
  png: Buffer;
  page: number;
  pageCount: number;
}

/**
 * PNG renderings of single pages of stored SPK versions, for the staff's side-by-side view of the
 * signature page. a page costs a few hundred milliseconds of a worker, so renderings (and renderings under way,
 * when two staff open the same page at once) are shared through a small LRU keyed by sha256 and page.
 */
export class PageImageCache {
  private readonly entries = new Map<string, Promise<PageImage | null>>();

  /** `page` is 1-based or 'last'; null when the document has no such page. */
  get(sha256: string, page: number | 'last', load: () => Promise<Uint8Array>): Promise<PageImage | null> {
    const key = `${sha256}:${page}`;
    const hit = this.entries.get(key);
    if (hit) {
      // Map order is insertion order: re-inserting marks the entry as recently used.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const pending = this.render(page, load);
    this.entries.set(key, pending);
    // A failed rendering (a broken file, a worker killed at its limits) is not cached: the next request tries again.
    pending.catch(() => this.entries.delete(key));
    while (this.entries.size > CACHE_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    return pending;
  }

  private async render(page: number | 'last', load: () => Promise<Uint8Array>): Promise<PageImage | null> {
    const bytes = await load();
    if (page !== 'last' && page > MAX_PAGE) return null;
    const rendered = await renderPage(bytes, page, { dpi: DPI });
    if (!rendered || rendered.page > MAX_PAGE) return null;
    return { png: Buffer.from(rendered.png.buffer, rendered.png.byteOffset, rendered.png.byteLength), page: rendered.page, pageCount: rendered.pageCount };
  }
}

/** "3" -> 3, "last" -> 'last'; anything else (0, -1, 1.5, 999999, "abc") -> null. */
export function parsePageParam(value: string): number | 'last' | null {
  if (value === 'last') return 'last';
  if (!/^[1-9]\d{0,3}$/.test(value)) return null;
  const page = Number(value);
  return page <= MAX_PAGE ? page : null;
}
