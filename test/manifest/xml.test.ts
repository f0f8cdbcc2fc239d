import { descendants, onlyChild, parseXml, XmlError } from "./xml";

/** The message of the XmlError that parsing `source` throws. */
function problem(source: string): string {
  try {
    parseXml(source);
  } catch (error) {
    if (error instanceof XmlError) return error.message;
    throw error;
  }
  throw new Error("expected the document to be rejected");
}

describe("the strict XML checker behind the manifest tests", () => {
  it("builds the tree with namespaces, attributes and expanded text", () => {
    const root = parseXml(
      '<?xml version="1.0" encoding="UTF-8"?>\n<!-- c -->\n<a xmlns="urn:a" xmlns:b="urn:b" b:x="1 &amp; 2">' +
        "<b:c y='&#x4E2D;&#25991;'>t&lt;<![CDATA[<raw>]]></b:c><d/></a>\n",
    );
    expect(root).toMatchObject({ name: "a", namespace: "urn:a", localName: "a", attributes: { xmlns: "urn:a", "xmlns:b": "urn:b", "b:x": "1 & 2" } });
    const c = onlyChild(root, "b:c");
    expect(c).toMatchObject({ namespace: "urn:b", localName: "c", attributes: { y: "中文" }, text: "t<<raw>", line: 3, column: 50 });
    expect(descendants(root).map((e) => e.name)).toEqual(["b:c", "d"]);
  });

  it("normalises tabs and newlines inside attribute values to spaces", () => {
    expect(parseXml('<a v="x\ny\tz"/>').attributes.v).toBe("x y z");
  });

  it.each([
    ["<a><b></a></b>", "1:7: </a> does not match <b> opened at 1:4"],
    ["<a>", "1:4: <a> opened at 1:1 is never closed"],
    ['<a x="1" x="2"/>', "1:10: attribute x appears twice on <a>"],
    ['<a xmlns:p="urn:1" xmlns:q="urn:1" p:x="1" q:x="2"/>', "1:44: attribute q:x appears twice on <a> under another prefix"],
    ["<a>fish & chips</a>", '1:9: "&" must start an entity or character reference such as &amp;'],
    ["<a>&nbsp;</a>", "1:4: undefined entity &nbsp; (only &lt; &gt; &amp; &quot; &apos; exist without a DTD)"],
    ["<a>&#0;</a>", "1:4: &#0; refers to a character XML does not allow"],
    ["<bt:Image/>", "1:2: namespace prefix bt of element <bt:Image> is not declared"],
    ['<a xsi:type="T"/>', "1:4: namespace prefix xsi of attribute xsi:type is not declared"],
    ["<a/><b/>", "1:5: a second root element or markup after the root element"],
    ["<a/>text", "1:5: text after the root element"],
    ["<!-- a -- b --><a/>", '1:8: "--" is not allowed inside a comment'],
    ['\n<?xml version="1.0"?><a/>', "2:1: the XML declaration is only allowed at the very start of the document"],
    ['<?xml version="1.0" encoding="GB2312"?><a/>', "1:1: the manifest is read as UTF-8 but declares encoding GB2312"],
    ["<!DOCTYPE a><a/>", "1:1: DOCTYPE declarations are not supported in a manifest"],
    ['<a x="1"y="2"/>', "1:9: white space expected between attributes"],
    ["<a x=1/>", "1:6: attribute value must be quoted"],
    ['<a x="<"/>', '1:7: "<" is not allowed in an attribute value'],
    ["<a>]]></a>", '1:4: "]]>" is not allowed in text'],
    ["<a>\u0001</a>", "1:4: character U+0001 is not allowed in XML"],
    ["", "1:1: the document has no root element"],
  ])("rejects %j", (source, message) => {
    expect(problem(source)).toBe(message);
  });
});
