import { useTranslation } from 'react-i18next';
import type { CaseErrors, CategoryDraft } from './caseForm';
import { keyFromLabel } from './caseForm';
import { Button, Checkbox, FieldGroup, FieldMessage, Table, TextInput } from '../../ui';

/**
 * Ticket categories: rename in both languages, retire (a retired category stays on old tickets and in
 * reports but is not offered for new ones), add. A saved category is never deleted, only retired.
 */
export function CategoriesEditor({
  categories,
  errors,
  canEdit,
  onChange,
}: {
  categories: CategoryDraft[];
  errors: CaseErrors;
  canEdit: boolean;
  onChange: (next: CategoryDraft[]) => void;
}) {
  const { t } = useTranslation('sla');
  const patch = (i: number, p: Partial<CategoryDraft>) => onChange(categories.map((c, j) => (j === i ? { ...c, ...p } : c)));

  return (
    <FieldGroup title={t('cases.categoriesTitle')}>
      <Table className="sla-categories" data-testid="cases-categories">
        <thead>
          <tr>
            <th>{t('cases.catKey')}</th>
            <th>{t('cases.catZh')}</th>
            <th>{t('cases.catEn')}</th>
            <th>{t('cases.catRetired')}</th>
            <th>
              <span className="ui-visually-hidden">{t('cases.catActions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {categories.map((c, i) => (
            <tr key={i} className={c.retired ? 'sla-retired' : undefined} data-testid="category-row">
              <td>
                {c.isNew ? (
                  <TextInput
                    type="text"
                    value={c.key}
                    placeholder="refund_delay"
                    aria-label={t('cases.catKey')}
                    aria-invalid={!!errors[`categories[${i}].key`]}
                    data-testid="category-key"
                    onChange={(e) => patch(i, { key: e.target.value })}
                  />
                ) : (
                  <code>{c.key}</code>
                )}
                {errors[`categories[${i}].key`] && <FieldMessage tone="error">{errors[`categories[${i}].key`]}</FieldMessage>}
              </td>
              <td>
                <TextInput
                  type="text"
                  value={c.zh}
                  aria-label={t('cases.catZh')}
                  aria-invalid={!!errors[`categories[${i}].zh`]}
                  data-testid="category-zh"
                  onChange={(e) => patch(i, { zh: e.target.value })}
                />
                {errors[`categories[${i}].zh`] && <FieldMessage tone="error">{errors[`categories[${i}].zh`]}</FieldMessage>}
              </td>
              <td>
                <TextInput
                  type="text"
                  value={c.en}
                  aria-label={t('cases.catEn')}
                  aria-invalid={!!errors[`categories[${i}].en`]}
                  data-testid="category-en"
                  onChange={(e) =>
                    patch(i, {
                      en: e.target.value,
                      // Until someone types a key, a new category's key follows its English name.
                      ...(c.isNew && (c.key === '' || c.key === keyFromLabel(c.en)) ? { key: keyFromLabel(e.target.value) } : {}),
                    })
                  }
                />
                {errors[`categories[${i}].en`] && <FieldMessage tone="error">{errors[`categories[${i}].en`]}</FieldMessage>}
              </td>
              <td>
                <Checkbox className="nowrap" label={c.retired ? t('cases.retired') : t('cases.active')} checked={c.retired} onChange={(e) => patch(i, { retired: e.target.checked })} />
              </td>
              <td>
                {canEdit && c.isNew && (
                  <Button
                    variant="link"
                    size="small"
                    aria-label={t('cases.removeNew', { name: c.zh || c.en || c.key })}
                    onClick={() => onChange(categories.filter((_, j) => j !== i))}
                  >
                    ×
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </Table>
      {errors.categories && <FieldMessage tone="error">{errors.categories}</FieldMessage>}
      {canEdit && (
        <div>
          <Button
            size="small"
            data-testid="category-add"
            onClick={() => onChange([...categories, { key: '', zh: '', en: '', retired: false, isNew: true }])}
          >
            {t('cases.addCategory')}
          </Button>
        </div>
      )}
      <FieldMessage tone="hint">{t('cases.categoriesHint')}</FieldMessage>
    </FieldGroup>
  );
}
