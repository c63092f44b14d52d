// Importing 'policy-compare/element' registers the <policy-compare> custom element.

/** The <policy-compare> element. Attributes: left, right, theme, view, lang, bundle. */
export interface PolicyCompareElement extends HTMLElement {
  /** How many times the widget has drawn itself completely. */
  readonly renders: number;
}

declare global {
  interface HTMLElementTagNameMap {
    'policy-compare': PolicyCompareElement;
  }
}
