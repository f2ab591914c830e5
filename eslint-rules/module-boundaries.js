// A local ESLint rule: the borders between Concord's modules, the frame and the composition.
//
//   src/platform/   the frame: imports no module and not the composition
//   src/modules/X/  a module: imports the frame, and other modules only through their face
//                   (src/modules/Y/index.ts), never their files or their manifest
//   src/app/        the composition: imports modules' faces and manifests (module.ts)
//
// Relative import paths are resolved against the importing file, so a deep import is caught
// however it is spelt.
import path from 'node:path';

/** Which part of the tree a file is in: { area: 'platform' | 'app' | 'module' | 'other', module?, rest? }. */
function place(srcRoot, file) {
  const rel = path.relative(srcRoot, file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return { area: 'other' };
  const parts = rel.split(path.sep);
  if (parts[0] === 'platform') return { area: 'platform' };
  if (parts[0] === 'app') return { area: 'app' };
  if (parts[0] === 'modules' && parts.length > 2) return { area: 'module', module: parts[1], rest: parts.slice(2).join('/') };
  return { area: 'other' };
}

const FACE = /^index\.(js|ts)$/;
const MANIFEST = /^module\.(js|ts)$/;

export default {
  meta: {
    type: 'problem',
    docs: { description: 'Modules meet only through their faces; the frame imports no module.' },
    schema: [{ type: 'object', properties: { srcRoot: { type: 'string' } }, additionalProperties: false }],
    messages: {
      deepImport: "'{{spec}}' reaches inside the {{module}} module: import from its face ({{face}}) and export what you need there.",
      manifest: "'{{spec}}' imports the {{module}} module's manifest: only the composition (src/app/modules.ts) may.",
      platformImportsModule: "'{{spec}}': the platform imports no module. Declare a slot or hook in src/platform/modules/slots.ts, or move the code into the module.",
      importsComposition: "'{{spec}}': only src/app may import the composition.",
    },
  },
  create(context) {
    const srcRoot = context.options[0]?.srcRoot ?? path.join(context.cwd, 'src');
    const here = place(srcRoot, context.filename);
    if (here.area === 'other') return {};
    function check(node, spec) {
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const target = place(srcRoot, path.resolve(path.dirname(context.filename), spec));
      if (target.area === 'app' && here.area !== 'app') {
        context.report({ node, messageId: 'importsComposition', data: { spec } });
        return;
      }
      if (target.area !== 'module') return;
      if (here.area === 'platform') {
        context.report({ node, messageId: 'platformImportsModule', data: { spec } });
        return;
      }
      if (here.area === 'module' && here.module === target.module) return;
      if (FACE.test(target.rest)) return;
      if (MANIFEST.test(target.rest)) {
        if (here.area === 'app') return;
        context.report({ node, messageId: 'manifest', data: { spec, module: target.module } });
        return;
      }
      const face = path.relative(path.dirname(context.filename), path.join(srcRoot, 'modules', target.module, 'index.js'));
      context.report({ node, messageId: 'deepImport', data: { spec, module: target.module, face } });
    }
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};
