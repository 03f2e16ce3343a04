import type { SnsApiError } from './sns-api-error';

/** The namespace of every SNS response document. */
export const SNS_XML_NAMESPACE = 'http://sns.amazonaws.com/doc/2010-03-31/';

/** XML content: an element's text, its child elements, or nothing. */
export type XmlContent = string | readonly XmlElement[] | undefined;

/** One element, rendered by {@link renderXml}. */
export interface XmlElement {
  readonly name: string;
  readonly content: XmlContent;
}

/** Builds an element; a string content is escaped when rendered. */
export function el(name: string, content: XmlContent): XmlElement {
  return { name, content };
}

/** Builds the `<member>` elements of a list. */
export function members<T>(items: readonly T[], render: (item: T) => XmlContent): XmlElement[] {
  return items.map((item) => el('member', render(item)));
}

/** Builds the `<entry><key/><value/></entry>` elements of a string map. */
export function entries(map: Readonly<Record<string, string>>): XmlElement[] {
  return Object.entries(map).map(([key, value]) => el('entry', [el('key', key), el('value', value)]));
}

/** Renders elements as XML text; elements whose content is undefined are left out. */
export function renderXml(elements: readonly XmlElement[]): string {
  return elements
    .filter((element) => element.content !== undefined)
    .map(({ name, content }) =>
      typeof content === 'string' ? `<${name}>${escapeXml(content)}</${name}>` : `<${name}>${renderXml(content ?? [])}</${name}>`,
    )
    .join('');
}

/** The success document of an action: `<ActionResponse><ActionResult>…</ActionResult><ResponseMetadata>…`. */
export function actionResponse(action: string, result: readonly XmlElement[] | undefined, requestId: string): string {
  const body = renderXml([...(result ? [el(`${action}Result`, result)] : []), el('ResponseMetadata', [el('RequestId', requestId)])]);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${action}Response xmlns="${SNS_XML_NAMESPACE}">${body}</${action}Response>`;
}

/** The error document the SDK's Query protocol parses into an exception. */
export function errorResponse(error: SnsApiError, requestId: string): string {
  const body = renderXml([el('Error', [el('Type', error.type), el('Code', error.code), el('Message', error.message)]), el('RequestId', requestId)]);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<ErrorResponse xmlns="${SNS_XML_NAMESPACE}">${body}</ErrorResponse>`;
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
