import { containsPhrase, normaliseWords } from './keywords';

export interface Article {
  readonly title: string;
  readonly url: string;
  /** Comma-separated keywords or phrases. */
  readonly keywords: string;
}

export interface RankedArticle extends Article {
  readonly score: number;
}

/**
 * Articles whose keywords the request mentions, most matching keywords first (ties:
 * the order of the Knowledge Base tab), at most `limit`.
 */
export function rankArticles(text: string, articles: readonly Article[], limit = 3): RankedArticle[] {
  const words = normaliseWords(text);
  return articles
    .map((a, i) => ({
      a,
      i,
      score: [
        ...new Set(
          a.keywords
            .split(',')
            .map((k) => k.trim().toLowerCase())
            .filter(Boolean),
        ),
      ].filter((k) => containsPhrase(words, k)).length,
    }))
    .filter((x) => x.score > 0)
    .sort((x, y) => y.score - x.score || x.i - y.i)
    .slice(0, limit)
    .map((x) => ({ ...x.a, score: x.score }));
}
