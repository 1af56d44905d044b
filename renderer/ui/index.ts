// The design kit's public face: pages and components import primitives from here.
export { Button, ButtonRow, IconButton, buttonClass, type ButtonProps, type ButtonVariant, type ButtonSize } from './Button';
export { Field, FieldCluster, FieldGroup, FieldGroupTitle, FieldGroups, FieldMessage, FieldRow, LabelledGroup, Select } from './Field';
export { Card, Alert, AlertAdvice, AlertDetail, EmptyState, Badge, ToneText, toneTextClass, type Tone } from './Card';
export { Table, Pager } from './Table';
export { Stats, Stat } from './Stats';
export { Tabs, type TabItem } from './Tabs';
export { Dialog } from './Dialog';
export { DatePicker, TimePicker } from './DatePicker';
export { TextCounter, overLimit } from './TextCounter';
export { PageHeader } from './PageHeader';
export { Page } from './Page';
export { TextInput, TextArea, NumberInput } from './Input';
export { Checkbox, type CheckboxProps } from './Checkbox';
export { Toast, ToastRegion, type ToastKind } from './Toast';
