import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Field, FieldMessage } from './Field';
import { TextInput } from './Input';

/** The attributes of the first element whose tag is `tag` in rendered HTML. */
function attrs(html: string, tag: string): Record<string, string> {
  const m = new RegExp(`<${tag}\\b([^>]*)>`).exec(html);
  expect(m, `<${tag}> in ${html}`).not.toBeNull();
  return Object.fromEntries([...m![1]!.matchAll(/([\w-]+)="([^"]*)"/g)].map((a) => [a[1]!, a[2]!]));
}

describe('Field: a unit before the control, a hint with a test id', () => {
  it('reads the unit before the box with it, before the error; the box keeps its own description first', () => {
    const html = renderToString(
      createElement(Field, { label: 'Amount', prefix: '¥', error: 'At most two decimals', children: createElement(TextInput, { 'aria-describedby': 'own', figures: 'wide' }) }),
    );
    const box = attrs(html, 'input');
    const [own, prefixId, errorId] = box['aria-describedby']!.split(' ');
    expect(own).toBe('own');
    expect(html).toMatch(new RegExp(`id="${prefixId}"[^>]*>¥<`));
    expect(html).toMatch(new RegExp(`id="${errorId}"[^>]*>At most two decimals<`));
    // The unit comes first on screen too.
    expect(html.indexOf('>¥<')).toBeLessThan(html.indexOf('<input'));
    expect(box.class).toBe('ui-input ui-input-number ui-input-wide');
  });

  it('puts the hint’s test id on the hint; a plain text box is not narrowed', () => {
    const html = renderToString(createElement(Field, { label: 'Subject', hint: 'Read to the customer', hintTestId: 'subject-hint', children: createElement(TextInput) }));
    expect(html).toMatch(/<span id="[^"]+" class="ui-field-hint" data-testid="subject-hint">Read to the customer<\/span>/);
    expect(attrs(html, 'input').class).toBe('ui-input');
    expect(renderToString(createElement(Field, { label: 'x', children: createElement(TextInput) }))).not.toContain('ui-field-with-unit');
  });
});

describe('FieldMessage', () => {
  it('is a hint, a warning note or an error', () => {
    expect(attrs(renderToString(createElement(FieldMessage, { tone: 'hint' }, 'a')), 'div').class).toBe('ui-field-hint');
    expect(attrs(renderToString(createElement(FieldMessage, { tone: 'note', className: 'x' }, 'a')), 'div').class).toBe('ui-field-note x');
    expect(attrs(renderToString(createElement(FieldMessage, { tone: 'error' }, 'a')), 'div').class).toBe('ui-field-error');
  });
});
