import path from 'node:path';
import { RuleTester } from 'eslint';
import { afterAll, describe, it } from 'vitest';
import tseslint from 'typescript-eslint';
import rule from '../../eslint-rules/module-boundaries.js';

// RuleTester reports through these hooks; vitest provides them.
Object.assign(RuleTester, { afterAll, describe, it });

const src = path.resolve('src');
const at = (p: string) => path.join(src, p);
const tester = new RuleTester({ languageOptions: { parser: tseslint.parser, ecmaVersion: 2023, sourceType: 'module' } });
const options = [{ srcRoot: src }];

tester.run('concord/module-boundaries', rule, {
  valid: [
    { filename: at('modules/calls/calls.sections.tsx'), code: "import { x } from '../processes/index.js';", options },
    { filename: at('modules/calls/views/a.tsx'), code: "import { x } from '../../processes/index.js';", options },
    { filename: at('modules/calls/calls.pages.tsx'), code: "import { x } from './calls.service.js'; import { y } from './views/v.js';", options },
    { filename: at('modules/calls/calls.pages.tsx'), code: "import { t } from '../../platform/i18n/i18n.js';", options },
    { filename: at('app/modules.ts'), code: "import calls from '../modules/calls/module.js'; import { x } from '../modules/calls/index.js';", options },
    { filename: at('platform/web/layout.tsx'), code: "import { x } from '../http/problem.js'; import fastify from 'fastify';", options },
  ],
  invalid: [
    { filename: at('modules/comments/comments.service.ts'), code: "import { documentPath } from '../documents/documents.service.js';", options, errors: [{ messageId: 'deepImport' }] },
    { filename: at('modules/comments/views/x.tsx'), code: "import type { Row } from '../../documents/views/blocks.js';", options, errors: [{ messageId: 'deepImport' }] },
    { filename: at('modules/comments/x.ts'), code: "export { a } from '../documents/documents.service.js';", options, errors: [{ messageId: 'deepImport' }] },
    { filename: at('modules/comments/x.ts'), code: "const m = await import('../documents/documents.service.js');", options, errors: [{ messageId: 'deepImport' }] },
    { filename: at('modules/comments/x.ts'), code: "import m from '../documents/module.js';", options, errors: [{ messageId: 'manifest' }] },
    { filename: at('platform/db/schema.ts'), code: "import type { T } from '../../modules/comments/index.js';", options, errors: [{ messageId: 'platformImportsModule' }] },
    { filename: at('platform/web/x.ts'), code: "import { MODULES } from '../../app/modules.js';", options, errors: [{ messageId: 'importsComposition' }] },
    { filename: at('modules/comments/x.ts'), code: "import { MODULES } from '../../app/modules.js';", options, errors: [{ messageId: 'importsComposition' }] },
  ],
});
