// News-like articles made up for the corpus tests and scripts/bench-corpus.mjs: a seeded
// generator (the same seed gives the same corpus), so nothing is read from shared data. Each
// article quotes two to four people by full name, with honorifics, roles and pronouns that say
// their gender, plus officials, a document and an unattributed line, at news length (~350 words).

/** A small seeded PRNG (mulberry32): the same corpus on every run. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WOMEN = ['Mary', 'Linda', 'Susan', 'Karen', 'Maria', 'Aisha', 'Priya', 'Elena', 'Sofia', 'Grace', 'Helen', 'Ruth', 'Nadia', 'Olivia', 'Emma', 'Joan', 'Patricia', 'Margaret'];
const MEN = ['James', 'Robert', 'Michael', 'David', 'Ahmed', 'Carlos', 'Ivan', 'Thomas', 'Daniel', 'Samuel', 'Peter', 'Omar', 'Luis', 'George', 'Richard', 'Edward', 'Frank', 'Henry'];
const SURNAMES = ['Holloway', 'Okafor', 'Lindqvist', 'Marsh', 'Castillo', 'Brennan', 'Nakamura', 'Whitfield', 'Osei', 'Petrov', 'Delgado', 'Fairbanks', 'Kowalski', 'Ashworth', 'Mbeki', 'Rosenthal', 'Carver', 'Dunmore', 'Haddad', 'Lyons', 'Moreau', 'Quinlan', 'Sandoval', 'Thorne'];
const CITIES = ['Springfield', 'Riverton', 'Lakewood', 'Fairview', 'Brookhaven', 'Millbrook', 'Easton', 'Kingsport'];
const ORGS = ['the City Council', 'the Transit Authority', 'the Board of Education', 'the Harbor Commission', 'the County Health Department', 'the Chamber of Commerce', 'the Tenants Union', 'the State Auditor'];
const OUTLETS = ['Daily Ledger', 'Harbor Times', 'Valley Post'];
const ROLES = [
  ['chairwoman', 'chairman'],
  ['spokeswoman', 'spokesman'],
  ['councilwoman', 'councilman'],
];
const PLAIN_ROLES = ['director', 'economist', 'professor of urban planning', 'budget analyst', 'parent of two', 'small business owner'];
const TOPICS = [
  ['budget', 'the new budget', 'cut spending on road repairs by 12 percent', 'leave the city short of money for schools'],
  ['transit', 'the bus plan', 'add three routes to the east side by March', 'raise fares for commuters'],
  ['housing', 'the housing plan', 'build 400 affordable homes near the river', 'push rents up in older neighbourhoods'],
  ['schools', 'the school plan', 'close two elementary schools next year', 'crowd the remaining classrooms'],
  ['health', 'the clinic plan', 'open a walk-in clinic downtown', 'drain money from the hospital'],
];
const FILLER = [
  'The proposal follows months of debate and several public hearings that drew hundreds of residents.',
  'A final vote is expected before the end of the month, after a second reading.',
  'Critics have long argued that the process moved too quickly and left out smaller neighbourhoods.',
  'Supporters point to a consultant’s study that estimated savings of $2.4 million over five years.',
  'The measure would take effect on July 1 if approved.',
  'Attendance at the meeting on Tuesday was the highest in a decade, according to the clerk’s office.',
  'Similar plans have been tried in neighbouring towns with mixed results.',
];

const pick = (rand, list) => list[Math.floor(rand() * list.length)];

/** One made-up person: { first, last, female, title }. */
function person(rand, used) {
  for (;;) {
    const female = rand() < 0.45;
    const first = pick(rand, female ? WOMEN : MEN);
    const last = pick(rand, SURNAMES);
    if (used.has(last)) continue;
    used.add(last);
    return { first, last, female, full: `${first} ${last}` };
  }
}

/**
 * Article `n` of the corpus made with `seed`: { id, outlet, date, text, people } where people
 * lists the quoted people's full names and genders (what a right annotation finds).
 */
export function makeArticle(n, seed = 24) {
  const rand = random(seed * 100_003 + n);
  const used = new Set();
  const city = pick(rand, CITIES);
  const org = pick(rand, ORGS);
  const [, topic, action, risk] = pick(rand, TOPICS);
  const day = 1 + Math.floor(rand() * 27);
  const month = 1 + Math.floor(rand() * 12);
  const date = `2024-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const a = person(rand, used);
  const b = person(rand, used);
  const c = rand() < 0.6 ? person(rand, used) : null;
  const she = (p) => (p.female ? 'she' : 'he');
  const her = (p) => (p.female ? 'her' : 'his');
  const honorific = (p) => (p.female ? 'Ms.' : 'Mr.');
  const [roleF, roleM] = pick(rand, ROLES);
  const role = a.female ? roleF : roleM;
  const plain = pick(rand, PLAIN_ROLES);
  const paras = [
    `${city} ${topic.replace(/^the /, '')} faces a vote`,
    `${city.toUpperCase()} — ${org[0].toUpperCase()}${org.slice(1)} said on Monday that it would ${action}, a decision that some residents fear will ${risk}.`,
    `“We have looked at every option, and this is the one that keeps the city working,” said ${a.full}, the ${role} of ${org.replace(/^the /, '')}. “Nobody likes hard choices, but we cannot wait another year.”`,
    `${honorific(a)} ${a.last} said ${she(a)} expected ${topic} to pass with a comfortable majority, and that ${her(a)} office had answered every question raised at the hearings.`,
    pick(rand, FILLER),
    `${b.full}, ${/^[aeiou]/.test(plain) ? 'an' : 'a'} ${plain} who has followed the debate, was not convinced. “This plan will ${risk}, and the people who pay for it were never asked,” ${she(b)} said.`,
    // Half the time only a surname and one pronoun: too little for the core to give a gender.
    `“I have seen this before,” ${rand() < 0.5 ? `${honorific(b)} ` : ''}${b.last} added. “The numbers look good on paper and then the money disappears.”`,
    pick(rand, FILLER),
  ];
  if (c) {
    paras.push(
      `${c.full}, who leads a neighbourhood group in ${city}, said ${she(c)} would ask ${org} to delay the vote. “Give us one more month to read it,” ${honorific(c)} ${c.last} said.`,
    );
  }
  paras.push(
    `City officials said the plan had been reviewed by outside lawyers and met every state requirement.`,
    `A report from the planning office said the changes would “pay for themselves within a decade.”`,
    `“The details still matter more than the headline,” one resident said after the meeting.`,
    pick(rand, FILLER),
    `${honorific(a)} ${a.last} said ${she(a)} would present the final version next week. “We will listen, and then we will decide,” ${she(a)} said.`,
  );
  const people = [a, b, c].filter(Boolean).map((p) => ({ name: p.full, gender: p.female ? 'female' : 'male' }));
  return { id: `a${String(n).padStart(4, '0')}`, outlet: OUTLETS[n % OUTLETS.length], date, text: paras.join('\n\n'), people };
}

/** Articles 0..count-1. */
export function makeCorpus(count, seed = 24) {
  return Array.from({ length: count }, (_, n) => makeArticle(n, seed));
}

/** The corpus as JSONL (id, outlet, date, text), the format the corpus view reads. */
export function toJsonl(articles) {
  return articles.map(({ id, outlet, date, text }) => JSON.stringify({ id, outlet, date, text })).join('\n') + '\n';
}
