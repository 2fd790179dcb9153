/** The parts of an HTML form a browser would submit. */
export interface ParsedForm {
  method: string;
  action: string;
  hidden: Record<string, string>;
  buttons: Array<{ id: string; name: string; value: string; text: string }>;
}

const decodeEntities = (text: string): string =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

const attribute = (tag: string, name: string): string | undefined => {
  const match = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return match?.[1] === undefined ? undefined : decodeEntities(match[1]);
};

/** Parses the first `<form>` of a page the way a browser sees it. */
export const parseForm = (html: string): ParsedForm => {
  const form = /<form\b[^>]*>([\s\S]*?)<\/form>/.exec(html);
  if (form === null) throw new Error("no form on the page");
  const openTag = /<form\b[^>]*>/.exec(form[0])?.[0] ?? "";
  const hidden: Record<string, string> = {};
  for (const input of form[1]?.match(/<input\b[^>]*>/g) ?? []) {
    const name = attribute(input, "name");
    if (attribute(input, "type") === "hidden" && name !== undefined)
      hidden[name] = attribute(input, "value") ?? "";
  }
  const buttons = [...(form[1] ?? "").matchAll(/<button\b([^>]*)>([^<]*)<\/button>/g)].map((button) => ({
    id: attribute(button[0], "id") ?? "",
    name: attribute(button[0], "name") ?? "",
    value: attribute(button[0], "value") ?? "",
    text: button[2] ?? "",
  }));
  return {
    method: attribute(openTag, "method") ?? "get",
    action: attribute(openTag, "action") ?? "",
    hidden,
    buttons,
  };
};

/** Clicks the button with `buttonId` of the page's form like a browser would (redirects not followed). */
export const clickButton = async (baseUrl: string, html: string, buttonId: string): Promise<Response> => {
  const form = parseForm(html);
  const button = form.buttons.find((entry) => entry.id === buttonId);
  if (button === undefined) throw new Error(`no button #${buttonId}`);
  const body = new URLSearchParams({ ...form.hidden, [button.name]: button.value });
  return fetch(new URL(form.action, baseUrl), {
    method: form.method.toUpperCase(),
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: body.toString(),
    redirect: "manual",
  });
};
