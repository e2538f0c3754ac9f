// IIS Flow lint config (flat, ESM). House style: shared/research/aesthetics-anchors.md 9.2 and 9.6.
//
// Layer rules. In flat config, when two blocks match one file, the later block REPLACES a rule's
// options instead of merging them. So every file gets exactly one block for each restricting rule
// (no-restricted-imports, no-restricted-globals, no-restricted-properties, no-restricted-syntax),
// and `ignores` carves out sub-folders (src/config/xml/**) and test files.
//
// Import patterns use `regex` (matched against the raw specifier, case-sensitive) rather than
// gitignore globs: an unanchored glob such as `react*` would also match `./reactions.ts`, and
// `**/store/**` would miss a bare `../store`. The layer regexes look at relative
// specifiers only, and treat any path segment named like a layer as that layer. ESLint cannot
// resolve paths here; scripts/check-layers.mjs resolves them and also sees dynamic import().

import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const TS_FILES = ['**/*.ts', '**/*.tsx'];
const TEST_FILES = ['**/*.test.ts', '**/*.test.tsx'];

// A relative specifier ('./x', '../../x'), up to and including the folder before the target.
const REL = String.raw`^\.{1,2}/(?:.*/)?`;

/** @param {string} regex @param {string} message */
const pattern = (regex, message) => ({ regex, message, caseSensitive: true });

const pkg = {
  react: pattern(String.raw`^react`, 'react* belongs to src/ui and src/app only.'),
  reactDom: pattern(String.raw`^react-dom(?:/|$)`, 'react-dom belongs to src/ui and src/app only.'),
  zustand: pattern(String.raw`^zustand`, 'zustand belongs to src/store (and its users) only.'),
  xyflow: pattern(String.raw`^@xyflow/`, '@xyflow/* belongs to src/ui only.'),
  fastXmlParser: pattern(
    String.raw`^fast-xml-parser(?:/|$)`,
    'Only src/config/xml/** may import fast-xml-parser.',
  ),
};

/** Forbid whole layers. @param {string[]} layers @param {string} who */
const layers = (layers, who) =>
  pattern(
    `${REL}(?:${layers.join('|')})(?:/|$)`,
    `${who} may not import ${layers.map((l) => `src/${l}`).join(', ')} (ui -> store -> engine -> config).`,
  );

/** Allow a layer only through its index.ts. @param {'config' | 'engine'} layer */
const onlyIndex = (layer) =>
  pattern(
    `${REL}${layer}/(?!index(?:\\.[jt]s)?$)`,
    `Import src/${layer} only through its public entry, ${layer}/index.ts.`,
  );

/** @param {...{ regex: string, message: string }} patterns */
const restrictImports = (...patterns) => ({
  'no-restricted-imports': ['error', { patterns }],
});

const layerRules = [
  {
    name: 'iis-flow/layers/config',
    files: ['src/config/**'],
    ignores: ['src/config/xml/**'],
    rules: restrictImports(
      pkg.react,
      pkg.zustand,
      pkg.xyflow,
      pkg.fastXmlParser,
      layers(['engine', 'store', 'ui', 'app', 'cli'], 'src/config'),
    ),
  },
  {
    name: 'iis-flow/layers/config-xml',
    files: ['src/config/xml/**'],
    rules: restrictImports(
      pkg.react,
      pkg.zustand,
      pkg.xyflow,
      layers(['engine', 'store', 'ui', 'app', 'cli'], 'src/config'),
    ),
  },
  {
    name: 'iis-flow/layers/engine',
    files: ['src/engine/**'],
    rules: restrictImports(
      pkg.react,
      pkg.zustand,
      pkg.xyflow,
      pkg.fastXmlParser,
      layers(['store', 'ui', 'app', 'cli'], 'src/engine'),
      onlyIndex('config'),
    ),
  },
  {
    name: 'iis-flow/layers/cli',
    files: ['src/cli/**'],
    rules: restrictImports(
      pkg.react,
      pkg.zustand,
      pkg.xyflow,
      pkg.fastXmlParser,
      layers(['store', 'ui', 'app'], 'src/cli'),
      onlyIndex('engine'),
      onlyIndex('config'),
    ),
  },
  {
    name: 'iis-flow/layers/store',
    files: ['src/store/**'],
    rules: restrictImports(
      pkg.reactDom,
      pkg.fastXmlParser,
      layers(['ui', 'app', 'cli'], 'src/store'),
      onlyIndex('engine'),
      onlyIndex('config'),
    ),
  },
  {
    name: 'iis-flow/layers/ui',
    files: ['src/ui/**'],
    rules: restrictImports(
      pkg.fastXmlParser,
      layers(['app', 'cli'], 'src/ui'),
      onlyIndex('engine'),
      onlyIndex('config'),
    ),
  },
  {
    name: 'iis-flow/layers/app',
    files: ['src/app/**'],
    rules: restrictImports(pkg.fastXmlParser, onlyIndex('engine'), onlyIndex('config')),
  },
];

const noExportStar = {
  selector: 'ExportAllDeclaration',
  message: 'No `export *`: list exports by name so the public surface is visible (9.2 rule 6).',
};

const pureRules = [
  {
    name: 'iis-flow/no-export-star',
    files: ['src/**'],
    rules: { 'no-restricted-syntax': ['error', noExportStar] },
  },
  {
    // config and engine are pure: virtual time, seeded randomness, no DOM. Tests may use timers.
    name: 'iis-flow/pure',
    files: ['src/config/**', 'src/engine/**'],
    ignores: TEST_FILES,
    rules: {
      'no-restricted-globals': [
        'error',
        ...[
          'window',
          'document',
          'setTimeout',
          'setInterval',
          'requestAnimationFrame',
          'performance',
          'localStorage',
          'fetch',
        ].map((name) => ({
          name,
          message: `src/config and src/engine are pure: no ${name} (time is VirtualTime, I/O lives in store/cli).`,
        })),
      ],
      'no-restricted-properties': [
        'error',
        {
          object: 'Math',
          property: 'random',
          message: 'Use the seeded PRNG in src/engine/random.ts.',
        },
        {
          object: 'Date',
          property: 'now',
          message: 'No wall clock in config/engine: time is VirtualTime (src/engine/clock.ts).',
        },
      ],
      'no-restricted-syntax': [
        'error',
        noExportStar,
        {
          selector: "NewExpression[callee.name='Date']",
          message: 'No `new Date` in config/engine: time is VirtualTime (src/engine/clock.ts).',
        },
        {
          selector: "CallExpression[callee.name='Date']",
          message: 'No `Date()` in config/engine: time is VirtualTime (src/engine/clock.ts).',
        },
      ],
    },
  },
];

export default defineConfig([
  // .scratch/: a person's untracked measuring scripts, never committed.
  globalIgnores(['dist/', 'dist-*/', 'node_modules/', 'test-results/', 'test-results-*/', 'playwright-report/', '.scratch/', '.scratch-*/']),
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  {
    // Plain JavaScript: this file and scripts/*.mjs. No type information.
    name: 'iis-flow/js',
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    extends: [js.configs.recommended],
    languageOptions: {
      ecmaVersion: 'latest',
      sourceType: 'module',
      globals: { ...globals.node },
    },
    rules: { eqeqeq: ['error', 'always'] },
  },
  {
    name: 'iis-flow/ts',
    files: TS_FILES,
    extends: [js.configs.recommended, tseslint.configs.strictTypeChecked],
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    name: 'iis-flow/react-hooks',
    files: ['src/ui/**/*.{ts,tsx}', 'src/app/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat.recommended],
  },
  ...layerRules,
  ...pureRules,
]);
