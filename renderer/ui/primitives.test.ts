import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Button, IconButton } from './Button';
import { Checkbox } from './Checkbox';
import { Field, FieldCluster, FieldGroup, LabelledGroup } from './Field';
import { Stat } from './Stats';
import { NumberInput, TextArea, TextInput } from './Input';
import { Page } from './Page';
import { nextTabIndex } from './tabs';

describe('tab keys', () => {
  it('arrows move and wrap, Home/End go to the ends, other keys are not ours', () => {
    expect(nextTabIndex('ArrowRight', 0, 3)).toBe(1);
    expect(nextTabIndex('ArrowRight', 2, 3)).toBe(0);
    expect(nextTabIndex('ArrowLeft', 0, 3)).toBe(2);
    expect(nextTabIndex('Home', 2, 3)).toBe(0);
    expect(nextTabIndex('End', 0, 3)).toBe(2);
    expect(nextTabIndex('Enter', 1, 3)).toBeNull();
    expect(nextTabIndex('ArrowRight', 0, 0)).toBeNull();
  });
});

/** The attributes of the first element whose tag is `tag` in rendered HTML. */
function attrs(html: string, tag: string): Record<string, string> {
  const m = new RegExp(`<${tag}\\b([^>]*)>`).exec(html);
  expect(m, `<${tag}> in ${html}`).not.toBeNull();
  return Object.fromEntries([...m![1]!.matchAll(/([\w-]+)="([^"]*)"/g)].map((a) => [a[1]!, a[2]!]));
}

describe('Field', () => {
  it('names its control with the label and describes it with the error and the hint', () => {
    const html = renderToString(createElement(Field, { label: 'Name', hint: 'As on the ID card', error: 'Required', children: createElement('input', { type: 'text' }) }));
    const input = attrs(html, 'input');
    const label = attrs(html, 'label');
    expect(label.for).toBe(input.id);
    expect(input['aria-invalid']).toBe('true');
    const described = input['aria-describedby']!.split(' ');
    expect(described).toHaveLength(2);
    for (const id of described) expect(html).toContain(`id="${id}"`);
    expect(html.indexOf('Required')).toBeGreaterThan(-1);
  });

  it('keeps the control’s own id and description, and is not invalid without an error', () => {
    const html = renderToString(createElement(Field, { label: 'Amount', children: createElement('input', { id: 'amount', 'aria-describedby': 'unit' }) }));
    const input = attrs(html, 'input');
    expect(attrs(html, 'label').for).toBe('amount');
    expect(input.id).toBe('amount');
    expect(input['aria-describedby']).toBe('unit');
    expect(input['aria-invalid']).toBeUndefined();
  });
});

describe('Button', () => {
  it('is type="button" unless told otherwise, and an icon button has its label as its name', () => {
    expect(attrs(renderToString(createElement(Button, null, 'Save')), 'button').type).toBe('button');
    expect(attrs(renderToString(createElement(Button, { type: 'submit', variant: 'primary', size: 'small' }, 'Save')), 'button')).toMatchObject({
      type: 'submit',
      class: 'ui-btn ui-btn-primary ui-btn-small',
    });
    expect(attrs(renderToString(createElement(IconButton, { label: 'Move up' }, '↑')), 'button')).toMatchObject({ 'aria-label': 'Move up', title: 'Move up' });
    expect(attrs(renderToString(createElement(Button, { variant: 'ok', className: 'call-start' }, 'Call')), 'button').class).toBe('ui-btn ui-btn-ok call-start');
  });
});

describe('TextInput, TextArea, NumberInput', () => {
  it('take their name, description and invalid state from the Field around them', () => {
    for (const [control, tag] of [
      [createElement(TextInput, { value: 'x', readOnly: true }), 'input'],
      [createElement(TextArea, { rows: 2 }), 'textarea'],
    ] as const) {
      const html = renderToString(createElement(Field, { label: 'Note', error: 'Too long', children: control }));
      const box = attrs(html, tag);
      expect(attrs(html, 'label').for).toBe(box.id);
      expect(box['aria-invalid']).toBe('true');
      expect(html).toContain(`id="${box['aria-describedby']}"`);
      expect(box.class).toContain('ui-input');
    }
    expect(attrs(renderToString(createElement(TextInput)), 'input').type).toBe('text');
  });

  it('a number reads its unit after the Field’s error, and has no wrapper without a unit', () => {
    const html = renderToString(createElement(Field, { label: 'Max attempts', error: 'Between 1 and 9', children: createElement(NumberInput, { unit: 'times', min: 1 }) }));
    const box = attrs(html, 'input');
    expect(box.type).toBe('number');
    expect(attrs(html, 'label').for).toBe(box.id);
    const [errorId, unitId] = box['aria-describedby']!.split(' ');
    expect(html).toMatch(new RegExp(`id="${errorId}"[^>]*>Between 1 and 9<`));
    expect(html).toMatch(new RegExp(`id="${unitId}"[^>]*>times<`));
    expect(renderToString(createElement(NumberInput, { min: 1 }))).not.toContain('ui-field-with-unit');
  });
});

describe('Page', () => {
  it('is a div with the page class and the caller’s attributes', () => {
    expect(attrs(renderToString(createElement(Page, { className: 'x', id: 'p' }, 'hi')), 'div')).toMatchObject({ class: 'ui-page x', id: 'p' });
  });
});

describe('FieldCluster, FieldGroup, Stat', () => {
  it('a cluster is a group named by its visible label; its controls are described by its error', () => {
    const html = renderToString(
      createElement(FieldCluster, {
        label: 'First response',
        error: 'Too long',
        children: (a11y: object) => createElement('input', { 'aria-label': 'First response, hours', ...a11y }),
      }),
    );
    const group = attrs(html, 'div');
    expect(group.role).toBe('group');
    expect(html).toMatch(new RegExp(`id="${group['aria-labelledby']}"[^>]*>First response<`));
    const input = attrs(html, 'input');
    expect(input['aria-invalid']).toBe('true');
    expect(html).toMatch(new RegExp(`id="${input['aria-describedby']}"[^>]*>Too long<`));
  });

  it('a labelled group hands its visible label’s id to the control it names, and adds no second name', () => {
    const html = renderToString(
      createElement(LabelledGroup, {
        label: 'Priority',
        className: 'extra',
        children: (labelId: string) => createElement('div', { role: 'radiogroup', 'aria-labelledby': labelId }),
      }),
    );
    expect(attrs(html, 'div').class).toBe('ui-field extra');
    const labelledBy = /role="radiogroup" aria-labelledby="([^"]+)"/.exec(html)?.[1];
    expect(labelledBy).toBeTruthy();
    expect(html).toContain(`<span id="${labelledBy}" class="ui-field-label">Priority</span>`);
    expect(html).not.toContain('aria-label=');
  });

  it('a group shows its title, hint and error; a stat is a term and its figure, tinted by its tone', () => {
    const group = renderToString(createElement(FieldGroup, { title: 'Calling window', hint: 'Beijing time', error: 'Start before end' }, 'x'));
    expect(group).toContain('ui-field-group-title');
    expect(group.indexOf('Beijing time')).toBeLessThan(group.indexOf('Start before end'));
    const stat = renderToString(createElement(Stat, { label: 'Left', value: '¥0', tone: 'bad', valueTestId: 'left' }));
    expect(attrs(stat, 'div').class).toBe('ui-stat ui-stat-bad');
    expect(stat).toMatch(/<dt>Left<\/dt><dd data-testid="left">¥0<\/dd>/);
  });
});

describe('Checkbox', () => {
  it('is a native checkbox inside its label, with the caller’s test id, state and class', () => {
    const testId = { 'data-testid': 'filter-mine' };
    const html = renderToString(createElement(Checkbox, { label: 'Only mine', checked: true, disabled: true, onChange: () => {}, className: 'value-chip', ...testId }));
    expect(attrs(html, 'label').class).toBe('ui-check value-chip');
    const input = attrs(html, 'input');
    expect(input).toMatchObject({ type: 'checkbox', class: 'ui-check-box', 'data-testid': 'filter-mine', checked: '', disabled: '' });
    // Named by the words it is wrapped with: no labelledby, no description of its own.
    expect(input['aria-labelledby']).toBeUndefined();
    expect(input['aria-describedby']).toBeUndefined();
    expect(html).toMatch(/<input[^>]*>.*Only mine.*<\/label>$/);
  });

  it('with a hint, the label’s words name it and the hint describes it after the caller’s own description', () => {
    const html = renderToString(createElement(Checkbox, { label: 'Replace my data', hint: 'Cannot be undone', 'aria-describedby': 'warning' }));
    const input = attrs(html, 'input');
    expect(html).toMatch(new RegExp(`id="${input['aria-labelledby']}"[^>]*>Replace my data<`));
    const [own, hintId] = input['aria-describedby']!.split(' ');
    expect(own).toBe('warning');
    expect(html).toMatch(new RegExp(`id="${hintId}"[^>]*>Cannot be undone<`));
  });

  it('a switch is the same checkbox in another look; an empty hint adds nothing', () => {
    const html = renderToString(createElement(Checkbox, { label: 'Mine', appearance: 'switch', hint: '', defaultChecked: false }));
    expect(attrs(html, 'label').class).toBe('ui-check ui-check-switch');
    expect(attrs(html, 'input').type).toBe('checkbox');
    expect(html).not.toContain('ui-check-hint');
  });
});
