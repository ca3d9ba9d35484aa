// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { checkWellFormed } from './xml-well-formed.ts';

describe('checkWellFormed', () => {
  it.each([
    '<a/>',
    '\uFEFF<?xml version="1.0"?>\n<!-- c --><a x="1" y=\'&amp;&#13;&#x41;\'><b>t &lt; u</b><![CDATA[ <raw> & ]]><?pi data?></a>\n',
    '<sr:a xmlns:sr="u"><sr:b/></sr:a>',
  ])('accepts %j', (xml) => {
    expect(checkWellFormed(xml)).toBeNull();
  });

  it.each([
    ['<a>', /element <a> opened at line 1, column 1 is never closed/],
    ['<a></b>', /closing tag <\/b> does not match/],
    ['</a>', /has no open element/],
    ['<a x=1/>', /quoted value/],
    ['<a x="1"y="2"/>', /whitespace before an attribute/],
    ['<a x="<"/>', /"<" in the value/],
    ['<a>&nbsp;</a>', /unknown entity &nbsp;/],
    ['<a/>text', /text after the root element/],
    ['<a/><b/>', /second root element/],
    [' <?xml version="1.0"?><a/>', /XML declaration must come first/],
    ['<a><!-- x</a>', /unterminated comment/],
    ['<a><![CDATA[x</a>', /unterminated CDATA/],
    ['<1a/>', /expected element name/],
  ])('refuses %j', (xml, message) => {
    expect(checkWellFormed(xml)?.message).toMatch(message);
  });
});
