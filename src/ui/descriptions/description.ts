/**
 * A short explanation in plain words of a part of IIS: what it is, what it does to a request, and which
 * configuration drives it. Written for IIS Flow from the IIS documentation ("Introduction to IIS
 * Architectures", the IIS modules overview, the request-processing constants of httpserv.h) and the
 * seeds in ../shared/seeds, not copied from them.
 */
export interface Description {
  /** What it is. */
  what: string;
  /** What it does to a request. */
  request: string;
  /** The configuration (sections and attributes, in IIS's names) that drives it. */
  configuredBy: string;
}
