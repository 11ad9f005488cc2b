import { expect, test } from 'vitest';
import { neutraliseCell } from './results-csv';

test.each([
  ['=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'],
  ['+1', "'+1"],
  ['-2+3', "'-2+3"],
  ['@SUM(A1)', "'@SUM(A1)"],
  ['\tlead', "'\tlead"],
  ['\rlead', "'\rlead"],
  ['plain text', 'plain text'],
  [' =1+1', "' =1+1"],
  ['a = b', 'a = b'],
  [-20, '-20'],
  [4.5, '4.5'],
])('%j is written as %j', (cell, written) => {
  expect(neutraliseCell(cell)).toBe(written);
});
