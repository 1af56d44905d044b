// Stylelint (`npm run lint:css`, a step of `npm test`): the design system's rules for renderer/**/*.css.
// - Colours, font sizes and border radii are tokens (renderer/styles/tokens.css, the one file allowed
//   literals): no hex, no named colours, no rgb()/hsl()/…; color-mix() over tokens is fine.
// - A class is defined in one global CSS file only: scripts/stylelint-unique-classes.mjs (why a plugin: see there).
// stylelint-config-recommended catches mistakes, not formatting (there is no CSS formatter here to agree
// with). Its no-descending-specificity is off: the kit's files rely on source order in many places, and
// reordering them to please the rule would change what wins, i.e. how pages look.
const TOKEN = (prefix) => `var\\(--${prefix}(-[a-z0-9]+)*\\)`;
const RADIUS = `(0|50%|${TOKEN('radius')})`;

export default {
  extends: ['stylelint-config-recommended'],
  plugins: ['./scripts/stylelint-unique-classes.mjs'],
  ignoreFiles: ['dist/**', 'dist-electron/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'],
  rules: {
    'no-descending-specificity': null,
    'color-no-hex': true,
    'color-named': 'never',
    'function-disallowed-list': ['rgb', 'rgba', 'hsl', 'hsla', 'hwb', 'lab', 'lch', 'oklab', 'oklch', 'color'],
    'declaration-property-value-allowed-list': {
      'font-size': [new RegExp(`^${TOKEN('fs')}$`), 'inherit'],
      font: ['inherit', new RegExp(TOKEN('fs'))],
      '/^border(-(top|bottom)-(left|right))?-radius$/': [new RegExp(`^${RADIUS}( ${RADIUS}){0,3}$`), 'inherit'],
    },
    'callback/class-in-one-file': [true, { files: ['renderer/**/*.css'] }],
  },
  overrides: [
    {
      files: ['renderer/styles/tokens.css'],
      rules: { 'color-no-hex': null, 'color-named': null, 'function-disallowed-list': null },
    },
  ],
};
