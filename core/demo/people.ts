import type { Gender } from '../domain/records';
import { weighted } from './prng';
import type { Prng } from './prng';

/**
 * Who the demo customers are: names, homes and phone numbers. Frequencies follow the rough shape of
 * the real population (a handful of surnames cover most people; big cities dominate) so the first
 * screen a supervisor sees does not look machine-made.
 */

const surname = weighted<string>([
  ['王', 72], ['李', 70], ['张', 66], ['刘', 54], ['陈', 46], ['杨', 32], ['黄', 25], ['赵', 24],
  ['吴', 21], ['周', 21], ['徐', 16], ['孙', 15], ['马', 14], ['朱', 13], ['胡', 12], ['郭', 12],
  ['何', 11], ['林', 11], ['罗', 10], ['高', 10], ['郑', 9], ['梁', 9], ['谢', 8], ['宋', 7],
  ['唐', 7], ['许', 7], ['韩', 6], ['冯', 6], ['邓', 6], ['曹', 6], ['彭', 5], ['曾', 5],
  ['肖', 5], ['田', 5], ['董', 5], ['袁', 4], ['潘', 4], ['于', 4], ['蒋', 4], ['蔡', 4],
  ['余', 4], ['杜', 4], ['叶', 4], ['程', 3], ['苏', 3], ['魏', 3], ['吕', 3], ['丁', 3],
  ['任', 3], ['沈', 3], ['姚', 3], ['卢', 3], ['姜', 3], ['崔', 3], ['钟', 2], ['谭', 2],
  ['陆', 2], ['汪', 2], ['范', 2], ['金', 2], ['石', 2], ['廖', 2], ['贾', 2], ['夏', 2],
  ['欧阳', 0.4], ['上官', 0.1], ['司马', 0.1], ['诸葛', 0.05],
]);

const GIVEN: Record<Gender, { single: string; double: readonly string[]; lead: string; tail: string }> = {
  male: {
    single: '伟强磊军洋勇杰涛明超华刚辉鹏浩宇俊峰斌飞博亮龙波鑫凯帅',
    double: [
      '子轩', '浩然', '宇航', '俊杰', '志强', '建华', '国强', '伟民', '文博', '明辉', '家豪', '天宇',
      '思远', '一鸣', '振华', '海涛', '晓东', '立新', '永刚', '建军', '鹏飞', '志伟', '俊熙', '博文',
      '浩宇', '建国', '德华', '卫东', '晓峰', '宏伟', '子豪', '皓轩', '明杰', '嘉诚', '铭泽', '宇辰',
    ],
    lead: '子浩宇俊志建国文明家天振海晓立永鹏嘉铭泽',
    tail: '轩然航杰强华伟博辉豪宇远鸣涛东新刚军飞诚辰峰斌',
  },
  female: {
    single: '芳娜敏静丽艳娟霞婷玲英慧雪琳颖倩欣怡萍红梅莉洁璐蕾彤晶瑶悦琪菲楠薇',
    double: [
      '欣怡', '诗涵', '梓涵', '雨桐', '思琪', '佳怡', '雅静', '丽娟', '秀英', '晓燕', '婷婷', '静怡',
      '美玲', '淑芬', '慧敏', '雪梅', '玉兰', '春燕', '梦瑶', '可馨', '紫萱', '丹丹', '亚楠', '海燕',
      '雨欣', '语嫣', '佳琪', '晓雯', '晶晶', '若曦', '心怡', '文静', '秀梅', '桂芳', '玉珍', '思雨',
    ],
    lead: '欣诗梓雨思佳雅丽秀晓美慧雪玉春梦可紫语若心文',
    tail: '怡涵桐琪静娟英燕婷玲芬敏梅兰瑶馨萱楠欣雯曦芳珍',
  },
  unknown: {
    single: '文晨安宁清云林凡雨乐',
    double: ['子墨', '一诺', '安然', '思源', '晨曦', '文清', '雨辰', '若水', '嘉宁', '沐阳', '家乐', '小雨'],
    lead: '子一安思晨文雨若嘉沐家',
    tail: '墨诺然源曦清辰水宁阳乐',
  },
};

const gender = weighted<Gender>([['male', 48.5], ['female', 48.5], ['unknown', 3]]);

// Every character in these pools is in the BMP, so a UTF-16 index is a whole character.
function pickChar(rng: Prng, chars: string): string {
  return chars.charAt(Math.floor(rng.float() * chars.length));
}

export function makeName(rng: Prng): { name: string; gender: Gender } {
  const g = gender(rng);
  const pool = GIVEN[g];
  const roll = rng.float();
  let given: string;
  if (roll < 0.22) given = pickChar(rng, pool.single);
  else if (roll < 0.7) given = rng.pick(pool.double);
  else given = pickChar(rng, pool.lead) + pickChar(rng, pool.tail);
  return { name: surname(rng) + given, gender: g };
}

export interface Home {
  city: string;
  timezone: string;
  /** Generator of a local mobile number for customers who use one; null = mainland number only. */
  localPhone: ((rng: Prng) => string) | null;
}

// Prefixes chosen so every number passes libphonenumber's full metadata (the generate test checks).
const CN_PREFIXES = [
  '130', '131', '132', '133', '134', '135', '136', '137', '138', '139', '150', '151', '152', '153',
  '155', '156', '157', '158', '159', '170', '171', '172', '173', '175', '176', '177', '178', '180',
  '181', '182', '183', '184', '185', '186', '187', '188', '189', '198', '199',
];
// The big carriers' classic ranges are far more common than virtual-operator 17x numbers.
const cnPrefix = weighted<string>(
  CN_PREFIXES.map((p): [string, number] => [p, p.startsWith('17') ? 0.4 : p === '198' || p === '199' ? 0.8 : 1]),
);

export function chineseMobile(rng: Prng): string {
  return `+86${cnPrefix(rng)}${rng.digits(8)}`;
}

const usLocal = (areas: readonly string[]) => (rng: Prng) =>
  `+1${rng.pick(areas)}${rng.pick(['2', '3', '4', '6', '7', '8', '9'])}${rng.digits(6)}`;
const ukLocal = (rng: Prng) => `+447${rng.pick(['4', '5', '8'])}${rng.digits(8)}`;
const jpLocal = (rng: Prng) => `+81${rng.pick(['80', '90'])}${rng.int(1, 9)}${rng.digits(7)}`;
const sgLocal = (rng: Prng) => `+65${rng.pick(['8', '9'])}${rng.int(1, 7)}${rng.digits(6)}`;
const auLocal = (rng: Prng) => `+614${rng.int(0, 3)}${rng.digits(7)}`;
const deLocal = (rng: Prng) => `+49${rng.pick(['151', '152', '157', '160', '170', '171', '176', '179'])}${rng.digits(8)}`;
const frLocal = (rng: Prng) => `+336${rng.pick(['0', '1', '2', '4', '5', '6', '7', '8'])}${rng.digits(7)}`;
const krLocal = (rng: Prng) => `+8210${rng.pick(['2', '3', '4', '6', '7', '8', '9'])}${rng.digits(7)}`;
const myLocal = (rng: Prng) => `+601${rng.pick(['2', '6', '9'])}${rng.digits(7)}`;
const aeLocal = (rng: Prng) => `+9715${rng.pick(['0', '2', '5', '6', '8'])}${rng.digits(7)}`;

const domestic = weighted<string>([
  ['北京', 10], ['上海', 10], ['广州', 8], ['深圳', 8], ['杭州', 6], ['成都', 6], ['重庆', 6],
  ['武汉', 5], ['西安', 4], ['南京', 4], ['苏州', 4], ['天津', 4], ['长沙', 3], ['郑州', 3],
  ['东莞', 3], ['佛山', 3], ['沈阳', 2.5], ['青岛', 2.5], ['宁波', 2.5], ['合肥', 2.5], ['济南', 2],
  ['福州', 2], ['厦门', 2], ['昆明', 2], ['大连', 1.5], ['南宁', 1.5], ['贵阳', 1.5], ['石家庄', 1.5],
  ['哈尔滨', 1.5], ['无锡', 1.5], ['温州', 1.5], ['南昌', 1.2], ['太原', 1.2], ['长春', 1.2],
  ['兰州', 0.8], ['乌鲁木齐', 0.8], ['呼和浩特', 0.6], ['海口', 0.6], ['银川', 0.4], ['西宁', 0.3],
  ['拉萨', 0.2],
]);

// Where the Chinese diaspora who keep a mainland wallet mostly live.
const abroad = weighted<Home>([
  [{ city: '洛杉矶', timezone: 'America/Los_Angeles', localPhone: usLocal(['213', '310', '323', '626']) }, 9],
  [{ city: '旧金山', timezone: 'America/Los_Angeles', localPhone: usLocal(['415', '628']) }, 5],
  [{ city: '纽约', timezone: 'America/New_York', localPhone: usLocal(['212', '646', '917', '718']) }, 9],
  [{ city: '多伦多', timezone: 'America/Toronto', localPhone: usLocal(['416', '647']) }, 5],
  [{ city: '温哥华', timezone: 'America/Vancouver', localPhone: usLocal(['604', '778']) }, 5],
  [{ city: '伦敦', timezone: 'Europe/London', localPhone: ukLocal }, 7],
  [{ city: '东京', timezone: 'Asia/Tokyo', localPhone: jpLocal }, 9],
  [{ city: '大阪', timezone: 'Asia/Tokyo', localPhone: jpLocal }, 3],
  [{ city: '新加坡', timezone: 'Asia/Singapore', localPhone: sgLocal }, 9],
  [{ city: '悉尼', timezone: 'Australia/Sydney', localPhone: auLocal }, 7],
  [{ city: '墨尔本', timezone: 'Australia/Melbourne', localPhone: auLocal }, 5],
  [{ city: '柏林', timezone: 'Europe/Berlin', localPhone: deLocal }, 3],
  [{ city: '法兰克福', timezone: 'Europe/Berlin', localPhone: deLocal }, 2],
  [{ city: '巴黎', timezone: 'Europe/Paris', localPhone: frLocal }, 4],
  [{ city: '首尔', timezone: 'Asia/Seoul', localPhone: krLocal }, 4],
  [{ city: '吉隆坡', timezone: 'Asia/Kuala_Lumpur', localPhone: myLocal }, 3],
  [{ city: '迪拜', timezone: 'Asia/Dubai', localPhone: aeLocal }, 2],
]);

export const CHINA_ZONE = 'Asia/Shanghai';

export function makeHome(rng: Prng, livesAbroad: boolean): Home {
  if (livesAbroad) return abroad(rng);
  return { city: domestic(rng), timezone: CHINA_ZONE, localPhone: null };
}

/** Most people abroad keep the mainland number their wallet was opened with. */
export function makePhone(rng: Prng, home: Home): string {
  if (home.localPhone && rng.chance(0.25)) return home.localPhone(rng);
  return chineseMobile(rng);
}
