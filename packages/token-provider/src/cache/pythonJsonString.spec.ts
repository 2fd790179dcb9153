import { pythonJsonString } from "./pythonJsonString.js";

// Expected values from CPython 3: json.dumps(value).
test.each([
  ["plain ASCII", "https://d-1.awsapps.com/start", '"https://d-1.awsapps.com/start"'],
  ["quotes, backslash and control characters", 'a"b\\c\n\t\u0001', '"a\\"b\\\\c\\n\\t\\u0001"'],
  ["DEL", "a\u007fb", '"a\\u007fb"'],
  ["Latin-1 and BMP", "é中", '"\\u00e9\\u4e2d"'],
  ["an astral character as its surrogate pair", "😀", '"\\ud83d\\ude00"'],
])("%s", (_, value, python) => {
  expect(pythonJsonString(value)).toBe(python);
});
