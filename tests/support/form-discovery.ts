/**
 * The forms and links of rendered pages, read from their HTML, so that a harness can post every
 * form as a browser would (its fields with the values the page gave them) and then change them.
 * The pages are the program's own (hono/jsx output: double-quoted attributes), so a few regular
 * expressions read them; this is not a general HTML parser.
 */
export interface DiscoveredForm {
  /** Where the page was found, for messages. */
  page: string;
  method: 'GET' | 'POST';
  /** The action's path (and query, if it has one). */
  action: string;
  isMultipart: boolean;
  /** Name/value pairs a browser would send without the submit button (checked boxes, selected options…). */
  fields: [string, string][];
  /** Every value each field may take (radio, checkbox, select, submit buttons with a value). */
  choices: Map<string, string[]>;
  /** Submit buttons with a name: one of them is sent. */
  buttons: [string, string][];
  fileFields: string[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'" };

export const decodeEntities = (text: string): string =>
  text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+|#39);/gi, (whole, entity: string) => {
    if (entity in ENTITIES) return ENTITIES[entity]!;
    if (/^#x/i.test(entity)) return String.fromCodePoint(Number.parseInt(entity.slice(2), 16));
    if (/^#\d/.test(entity)) return String.fromCodePoint(Number.parseInt(entity.slice(1), 10));
    return whole;
  });

const attributesOf = (tag: string): Map<string, string> => {
  const attributes = new Map<string, string>();
  for (const match of tag.matchAll(/([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:="([^"]*)")?/g)) {
    attributes.set(match[1]!.toLowerCase(), decodeEntities(match[2] ?? ''));
  }
  return attributes;
};

const addChoice = (choices: Map<string, string[]>, name: string, value: string) => {
  const list = choices.get(name) ?? [];
  if (!list.includes(value)) list.push(value);
  choices.set(name, list);
};

/** Every form of a page, with the values it was rendered with. */
export const discoverForms = (page: string, html: string): DiscoveredForm[] => {
  const forms: DiscoveredForm[] = [];
  for (const match of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    const attributes = attributesOf(match[1]!);
    const body = match[2]!;
    const action = attributes.get('action') || page;
    if (!action.startsWith('/')) continue; // Only our own paths.
    const form: DiscoveredForm = {
      page,
      method: (attributes.get('method') ?? 'get').toUpperCase() === 'POST' ? 'POST' : 'GET',
      action,
      isMultipart: (attributes.get('enctype') ?? '').includes('multipart'),
      fields: [],
      choices: new Map(),
      buttons: [],
      fileFields: [],
    };
    for (const input of body.matchAll(/<input\b([^>]*)>/g)) {
      const a = attributesOf(input[1]!);
      const name = a.get('name');
      if (!name) continue;
      const type = (a.get('type') ?? 'text').toLowerCase();
      const value = a.get('value') ?? (type === 'checkbox' || type === 'radio' ? 'on' : '');
      if (type === 'file') form.fileFields.push(name);
      else if (type === 'submit') form.buttons.push([name, value]);
      else if (type === 'checkbox' || type === 'radio') {
        addChoice(form.choices, name, value);
        if (a.has('checked')) form.fields.push([name, value]);
      } else form.fields.push([name, value]);
    }
    for (const button of body.matchAll(/<button\b([^>]*)>/g)) {
      const a = attributesOf(button[1]!);
      const name = a.get('name');
      if (name && (a.get('type') ?? 'submit') === 'submit') {
        form.buttons.push([name, a.get('value') ?? '']);
        addChoice(form.choices, name, a.get('value') ?? '');
      }
    }
    for (const textarea of body.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/g)) {
      const name = attributesOf(textarea[1]!).get('name');
      if (name) form.fields.push([name, decodeEntities(textarea[2]!)]);
    }
    for (const select of body.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/g)) {
      const name = attributesOf(select[1]!).get('name');
      if (!name) continue;
      let chosen: string | undefined;
      let first: string | undefined;
      for (const option of select[2]!.matchAll(/<option\b([^>]*)>([\s\S]*?)<\/option>/g)) {
        const a = attributesOf(option[1]!);
        const value = a.get('value') ?? decodeEntities(option[2]!).trim();
        addChoice(form.choices, name, value);
        first ??= value;
        if (a.has('selected')) chosen = value;
      }
      const value = chosen ?? first;
      if (value !== undefined) form.fields.push([name, value]);
    }
    forms.push(form);
  }
  return forms;
};

/** The names used in the query strings of a page's links (`?status=accepted&page=2` → status, page). */
export const discoverQueryNames = (html: string): string[] => {
  const names = new Set<string>();
  for (const match of html.matchAll(/href="(\/[^"]*\?[^"]*)"/g)) {
    const query = decodeEntities(match[1]!).split('?')[1]?.split('#')[0] ?? '';
    for (const part of query.split('&')) {
      const name = part.split('=')[0];
      if (name) names.add(name);
    }
  }
  return [...names];
};
