/**
 * Declaration of `react-run-views/styles.css` (copied to `dist/styles.css.d.ts` by the build): the stylesheet has
 * no exports, so `import 'react-run-views/styles.css'` type-checks under every module resolution, including
 * with `noUncheckedSideEffectImports`.
 */
export {};
