const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
};

/** Escapes text for an XML text node. */
export const xmlEscape = (text: string): string => text.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
