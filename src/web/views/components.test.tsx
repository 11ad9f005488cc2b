import type { Child } from 'hono/jsx';
import { describe, expect, test } from 'vitest';
import { getT } from '../../i18n';
import {
  CheckboxGroup,
  CsrfField,
  ErrorSummary,
  Notice,
  RadioGroup,
  SelectField,
  TextField,
} from './components';
import { Layout } from './layout';
import { ShellContext } from './shell-context';

const render = async (node: unknown) =>
  String(await (node as { toString: () => Promise<string> }).toString());

const inShell = (children: Child) => (
  <ShellContext.Provider value={{ t: getT('en'), locale: 'en' }}>{children}</ShellContext.Provider>
);

describe('form fields', () => {
  test('a text field links its label, hint and error to the input', async () => {
    const html = await render(
      inShell(
        <TextField
          name="email"
          type="email"
          label="Email address"
          hint="We never share it"
          error="Enter an email"
          required
        />,
      ),
    );
    expect(html).toContain('<label class="field__label" for="field-email">Email address</label>');
    expect(html).toContain('<p class="field__hint" id="field-email-hint">We never share it</p>');
    expect(html).toContain(
      '<p class="field__error" id="field-email-error"><span class="visually-hidden">Error: </span>Enter an email</p>',
    );
    expect(html).toMatch(
      /<input [^>]*id="field-email"[^>]*aria-describedby="field-email-hint field-email-error"/,
    );
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain('required=""');
    expect(html).toContain('class="field field--error"');
  });

  test('optional fields say so; fields without error are not marked invalid', async () => {
    const html = await render(inShell(<TextField name="profile.website" label="Website" value="x" />));
    expect(html).toContain('Website<span class="field__optional"> (optional)</span>');
    expect(html).toContain('id="field-profile-website"');
    expect(html).not.toContain('aria-invalid');
    expect(html).not.toContain('aria-describedby');
  });

  test('a select marks the chosen option', async () => {
    const html = await render(
      inShell(
        <SelectField
          name="country"
          label="Country"
          placeholder="Choose a country"
          value="NZ"
          options={[
            { value: 'AU', label: 'Australia' },
            { value: 'NZ', label: 'New Zealand' },
          ]}
          required
        />,
      ),
    );
    expect(html).toContain('<option value="">Choose a country</option>');
    expect(html).toContain('<option value="NZ" selected="">New Zealand</option>');
    expect(html).toContain('<option value="AU">Australia</option>');
  });

  test('checkbox and radio groups are fieldsets with a legend; the first box carries the field id', async () => {
    const options = [
      { value: 'public', label: 'Public libraries' },
      { value: 'academic', label: 'Academic libraries', hint: 'Universities and colleges' },
    ];
    const boxes = await render(
      inShell(
        <CheckboxGroup
          name="sectors"
          legend="Sectors"
          options={options}
          values={['academic']}
          error="Pick one"
        />,
      ),
    );
    expect(boxes).toContain('<fieldset class="choices" aria-describedby="field-sectors-error">');
    expect(boxes).toContain('<legend class="field__label">Sectors');
    expect(boxes).toContain('<input id="field-sectors" type="checkbox" name="sectors" value="public"/>');
    expect(boxes).toMatch(/id="field-sectors-1" type="checkbox" name="sectors" value="academic" checked=""/);
    expect(boxes).toContain('<label for="field-sectors-1">Academic libraries</label>');
    const radios = await render(
      inShell(<RadioGroup name="stage" legend="Stage" options={options} value="public" required />),
    );
    expect(radios).toMatch(/type="radio" name="stage" value="public" checked="" required=""/);
  });

  test('the error summary links to each field', async () => {
    const html = await render(
      inShell(<ErrorSummary errors={[{ field: 'email', message: 'Enter an email' }]} />),
    );
    expect(html).toContain('<h2 class="error-summary__title">There is a problem</h2>');
    expect(html).toContain('<a href="#field-email">Enter an email</a>');
    // Announced by screen readers when the page with errors loads.
    expect(html).toContain('<div class="error-summary" role="alert"');
    expect(await render(inShell(<ErrorSummary errors={[]} />))).toBe('');
  });
});

test('the CSRF field and notices', async () => {
  expect(await render(<CsrfField token="abc" />)).toBe('<input type="hidden" name="_csrf" value="abc"/>');
  expect(await render(<Notice kind="error">Oops</Notice>)).toBe(
    '<div class="notice notice--error" role="alert">Oops</div>',
  );
});

describe('layout', () => {
  const viewer = {
    personId: 'p1',
    email: 'c@example.org',
    name: 'Coordinator',
    isProgramCoordinator: true,
    coordinatedCountryCodes: [],
  };

  test('coordinators see their navigation and a sign-out form with the CSRF token', async () => {
    const html = await render(
      <Layout t={getT('en')} locale="en" viewer={viewer} csrfToken="tok" title="Dashboard" isOutboxEnabled>
        <h1>Dashboard</h1>
      </Layout>,
    );
    expect(html).toContain('<a href="/coordinator">Dashboard</a>');
    expect(html).toContain('<a href="/outbox">Outbox (development)</a>');
    expect(html).toContain(
      '<form method="post" action="/sign-out" class="site-nav__form"><input type="hidden" name="_csrf" value="tok"/>',
    );
    expect(html).not.toContain('href="/sign-in"');
    expect(html).toContain('<title>Dashboard · International Librarians Network</title>');
  });

  test('the outbox link is hidden when mail really goes out', async () => {
    const html = await render(
      <Layout t={getT('en')} locale="en" viewer={viewer} csrfToken="tok" title="Dashboard">
        <h1>Dashboard</h1>
      </Layout>,
    );
    expect(html).not.toContain('/outbox');
  });

  test('right-to-left languages get dir="rtl"', async () => {
    const html = await render(
      <Layout t={getT('ar')} locale="ar" viewer={null} title="x">
        <h1>x</h1>
      </Layout>,
    );
    expect(html).toContain('<html lang="ar" dir="rtl">');
  });
});
