import type { Role } from '../domain/model';

/**
 * The demo colleagues a demo console starts with, and their passwords (printed in README and shown once
 * after setup). Demo data only: anyone can read these, so a real team starts empty and adds its people.
 * A colleague whose name is the one typed at setup is skipped (that person is the first supervisor).
 */
export const DEMO_ACCOUNTS: readonly { name: string; role: Role; password: string }[] = [
  { name: '王芳', role: 'agent', password: 'wangfang-demo' },
  { name: '李静', role: 'agent', password: 'lijing-demo' },
  { name: '陈伟', role: 'agent', password: 'chenwei-demo' },
  { name: '周敏', role: 'supervisor', password: 'zhoumin-demo' },
];
