import { describe, expect, it } from 'vitest';
import { fillTemplate, templatePlaceholders, templateProblems } from '../../../shared/runs/template';

// Stand-in for the core's shell quoting: always single-quotes, so tests see exactly what was substituted.
const quote = (v: string): string => `'${v.replace(/'/g, `'\\''`)}'`;

describe('templateProblems (shell)', () => {
  it.each([
    'am start -n {package}/.LoginActivity --es user {account}',
    'am broadcast -a com.example.LOGIN --es serial {serial} -p {package}',
    'input text {account}',
    'am start -n {package}/.Login --es note "a b" --es user {account}',
    "am force-stop com.example.app; am start -n com.example.app/.Main && echo 'done' > /sdcard/x",
  ])('accepts %s', (template) => {
    expect(templateProblems(template, 'shell')).toEqual([]);
  });

  it.each([
    ['am start --es user {user}', /unknown placeholder \{user\}/],
    ['am start --es user {Account}', /unknown placeholder \{Account\}/],
    ['echo ${HOME} {account}', /shell variables/],
    ["am start --es user '{account}'", /inside quotes/],
    ['am start --es user "x{account}"', /inside quotes/],
    ['am start --es user `{account}`', /inside quotes/],
    ['am start --es user \\{account}', /inside quotes or after a backslash/],
    ['am start {package}\nreboot', /line break/],
    ['am start {package} }', /stray/],
    ['am start {{package}}', /stray/],
    ['   ', /empty/],
  ])('refuses %j', (template, problem) => {
    expect(templateProblems(template, 'shell').join('; ')).toMatch(problem);
  });

  it.each([
    ['sh -c {account}', /"sh", which would parse the value as a command line again/],
    ['/system/bin/sh -c "am start --es user "{account}', /"sh"/],
    ['su 0 am start --es user {account}', /"su"/],
    ['eval am start --es user {account}', /"eval"/],
    ['echo {account} | sh', /"sh".*\n?|chains, pipes or redirects with "\|"/],
    ['echo {account} | xargs am start --es user', /"xargs"/],
    ['run-as {package} sh', /"run-as", "sh"/],
    ["busybox sh -c 'am start' {account}", /"busybox", "sh"/],
    ['am start --es user $(id) {account}', /"\$\(".*command substitution/],
    ['am start --es user `id` {account}', /"`"/],
    ['am start --es home $HOME --es user {account}', /"\$"/],
    ['am start --es h "$PATH" --es user {account}', /"\$"/],
    ['am start --es user {account}; reboot', /chains, pipes or redirects with ";"/],
    ['am start --es user {account} && reboot', /"&&"/],
    ['am start --es user {account} || reboot', /"\|\|"/],
    ['am start --es user {account} > /sdcard/out', /">"/],
    ['am start --es user {account} < /sdcard/in', /"<"/],
    ['am start --es user {account} &', /"&"/],
    ['(am start --es user {account})', /"\(", "\)"/],
  ])('refuses %j: the value could reach a second shell or command', (template, problem) => {
    const problems = templateProblems(template, 'shell');
    expect(problems.join('; ')).toMatch(problem);
    // Every refusal says what to write instead.
    expect(problems.join('; ')).toMatch(
      /e\.g\. am start -n \{package\}\/\.LoginActivity --es user \{account\}|write it bare/,
    );
  });

  it('keeps literal shell text inside single quotes and escaped characters out of the check', () => {
    expect(templateProblems("am start --es note 'a; b | c $(d)' --es user {account}", 'shell')).toEqual([]);
    expect(templateProblems('am start --es note a\\;b --es user {account}', 'shell')).toEqual([]);
    expect(templateProblems("am start --es prog 'sh' --es user {account}", 'shell').join()).toMatch(/"sh"/);
  });

  it('sees quotes closed before the placeholder', () => {
    expect(templateProblems(`echo 'a' {account} "b"`, 'shell')).toEqual([]);
    expect(templateProblems(`echo "it's" {account}`, 'shell')).toEqual([]);
    expect(templateProblems(`echo "a\\"b" {account}`, 'shell')).toEqual([]);
  });
});

describe('templateProblems (deeplink)', () => {
  it('accepts a URI with placeholders', () => {
    expect(templateProblems('myapp://login?user={account}&pkg={package}', 'deeplink')).toEqual([]);
  });
  it.each(['not a uri {account}', 'myapp://x?u={who}', '://nope'])('refuses %j', (uri) => {
    expect(templateProblems(uri, 'deeplink')).not.toEqual([]);
  });
});

describe('fillTemplate', () => {
  it('quotes every value, so hostile accounts stay one argument', () => {
    const out = fillTemplate(
      'am start -n {package}/.Login --es user {account} # {serial}',
      { package: 'com.example.app', account: "x'; reboot; '", serial: 'abc' },
      quote,
    );
    expect(out).toBe(`am start -n 'com.example.app'/.Login --es user 'x'\\''; reboot; '\\''' # 'abc'`);
  });
  it('percent-encodes for deep links when given encodeURIComponent', () => {
    expect(
      fillTemplate(
        'myapp://login?user={account}',
        { package: 'p.q', account: 'a&b=c', serial: 's' },
        encodeURIComponent,
      ),
    ).toBe('myapp://login?user=a%26b%3Dc');
  });
  it('throws on a placeholder that validation would refuse', () => {
    expect(() => fillTemplate('x {nope}', { package: 'p.q', account: 'a', serial: 's' }, quote)).toThrow(
      /not allowed/,
    );
  });
  it('lists placeholders once, in order', () => {
    expect(templatePlaceholders('{serial} {account} {serial} {x}')).toEqual(['serial', 'account']);
  });
});
