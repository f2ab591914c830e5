import type { DemoSeeder } from '../../platform/demo/seeders.js';
import { daysAfter, demoActor } from '../../platform/demo/kit.js';
import { blocksOf, createDocument, type DocumentRow } from './documents.service.js';
import { LIVE_GUIDELINE, normaliseForMatch, plainOf, REPORT_DATES, REPORT_OUTLINE, keyOf, reportMarkdown, reportMeta, reportTitle, type ReportLang, type ReportVersion } from './documents.demo.texts.js';

/** The demo's outcomes report, as made by this seeder, and what later seeders need to revise and cite it. */
export interface DemoReport {
  /** The report in English, and its French translation. */
  documents: Record<ReportLang, DocumentRow>;
  /** What version `n` says in a language (title, Markdown, message), and when it was saved. */
  version(lang: ReportLang, n: ReportVersion): { title: string; markdown: string; message: string; at: Date };
  /**
   * Our block keys (`p-3-1-2`) → the anchors the documents module gave a saved version's
   * blocks, matched on the text a reader sees; throws when one of the version's blocks is missing.
   */
  anchors(lang: ReportLang, n: ReportVersion, saved: { id: string }): Promise<Map<string, string>>;
  /** A saved version's blocks, found by our text ids (`p-4-2-1~3`): the block's anchor, or undefined. */
  anchorFinder(lang: ReportLang, saved: { id: string }): Promise<(textId: string) => string | undefined>;
}

declare module '../../platform/demo/seeders.js' {
  interface DemoRecords {
    /** The draft outcomes report (version 1 in both languages; the comments' seeder revises it). */
    report: DemoReport;
    /** The live process's draft guideline, version 1 in English and its French translation. */
    liveGuideline: Record<ReportLang, DocumentRow>;
  }
}

/**
 * The model process's draft outcomes report, version 1 in English and French (20 February
 * 2019), written by the first member of the oversight committee. Its revisions in answer to
 * the public comment period are the comments module's part of the story. Then the live
 * process's draft guideline, the text its open comment period and consensus call are about.
 */
export const documentsDemo: DemoSeeder = {
  after: ['processes', 'participants'],
  async seed(ctx) {
    const { db, baseUrl } = ctx;
    const process = ctx.get('process');
    const editor = demoActor(ctx.get('oversight')[0]!, { in: process.id, roles: ['oversight'] });
    const report: DemoReport = {
      documents: {} as Record<ReportLang, DocumentRow>,
      version: (lang, n) => ({
        title: reportTitle(lang, n),
        markdown: reportMarkdown(lang, n),
        message: reportMeta(lang).message(n),
        // The French text was posted a few minutes after the English.
        at: new Date(new Date(REPORT_DATES.versions[n]).getTime() + (lang === 'fr' ? 5 * 60_000 : 0)),
      }),
      async anchors(lang, n, saved) {
        const blocks = await blocksOf(db, saved.id);
        const byText = new Map(blocks.map((b) => [normaliseForMatch(b.plain), b.anchor]));
        const out = new Map<string, string>();
        for (const id of REPORT_OUTLINE[n]) {
          const anchor = byText.get(plainOf(lang, id));
          if (!anchor) throw new Error(`demo report: block ${id} (${lang}, v${n}) not found among the saved blocks`);
          out.set(keyOf(id), anchor);
        }
        return out;
      },
      async anchorFinder(lang, saved) {
        const blocks = await blocksOf(db, saved.id);
        return (textId) => blocks.find((b) => normaliseForMatch(b.plain) === plainOf(lang, textId))?.anchor;
      },
    };
    for (const lang of ['en', 'fr'] as const) {
      const v1 = report.version(lang, 1);
      ctx.storyAt(v1.at);
      report.documents[lang] = await createDocument(
        db,
        editor,
        process.id,
        {
          groupId: null,
          slug: reportMeta(lang).slug,
          kind: 'report',
          lang,
          title: v1.title,
          membersOnly: false,
          translationOf: lang === 'fr' ? report.documents.en.id : null,
          markdown: v1.markdown,
          message: v1.message,
        },
        { at: v1.at, baseUrl },
      );
    }
    ctx.put('report', report);

    // The live process's draft guideline, written by the convener ten days before the demo was loaded.
    const live = ctx.get('liveProcess');
    const guideline = {} as Record<ReportLang, DocumentRow>;
    for (const lang of ['en', 'fr'] as const) {
      const g = LIVE_GUIDELINE[lang];
      ctx.storyAt(daysAfter(ctx.now, lang === 'en' ? -10 : -9.9));
      guideline[lang] = await createDocument(
        db,
        ctx.admin,
        live.id,
        { groupId: null, slug: g.slug, kind: 'guidance', lang, title: g.title, membersOnly: false, translationOf: lang === 'fr' ? guideline.en.id : null, markdown: g.markdown, message: g.message },
        { at: daysAfter(ctx.now, lang === 'en' ? -10 : -9.9), baseUrl },
      );
    }
    ctx.put('liveGuideline', guideline);
  },
};
