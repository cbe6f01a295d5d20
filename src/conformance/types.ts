/**
 * The conformance suite: declarative cases, each setting up its own fixtures
 * through the public API only, so the same list runs against the mock and
 * against any Glance.
 */

export type Persona = 'owner' | 'member' | 'member2' | 'stranger' | 'admin' | 'noroles' | 'none';
export type FixtureVisibility = 'shared' | 'private' | 'public' | 'community' | 'no-owner' | 'deleted';

/** An image made for one case: owned by `owner`, members added while shared, then moved to `visibility`. */
export interface ImageFixture {
  visibility: FixtureVisibility;
  /** Member projects by persona name or literal id (default: member and member2). */
  members?: string[];
  /** Statuses set by the members themselves after they were added. */
  statuses?: Record<string, 'accepted' | 'rejected' | 'pending'>;
  /** Extra members added by the owner to fill the image (quota cases). */
  fill?: number;
  /** Extra image properties. */
  properties?: Record<string, string>;
  name?: string;
  hidden?: boolean;
  /** Image data uploaded by the owner (the image is made raw/bare first): the image becomes active. */
  data?: string;
  /** Create the image raw/bare without uploading. */
  formats?: boolean;
  /** Tags given at creation ({tag} and the like are filled in). */
  tags?: string[];
  /** Deactivated by the owner once its data is uploaded. */
  deactivated?: boolean;
  /**
   * A JSON patch (v2.1) the owner applies last, as text so that numbers keep their spelling
   * (`1.0` stays a float, which JSON.stringify would write `1`).
   */
  patch?: string;
}

export type CaseBody =
  | { json: unknown }
  | { raw: string }
  /** Bytes, one per character (Latin-1): for bodies that are not UTF-8. */
  | { bytes: string }
  | { chunks: string[] };

export interface ConformanceCase {
  /** Stable, unique, readable: the key of the recorded expectation. */
  id: string;
  /** What the case is about, for the report. */
  group: string;
  /** Images to create first; `{image}`, `{image2}`… in the path name them. */
  fixtures?: ImageFixture[];
  persona: Persona;
  method: string;
  /** Placeholders: {image} {image2} {run} {member} {member2} {owner} {self}. */
  path: string;
  headers?: Record<string, string>;
  body?: CaseBody;
  /** Send no Host header at all (HTTP/1.1 without Host, which Glance's server accepts). */
  omitHost?: boolean;
  /** Response headers compared beyond Allow, Location and Accept-Patch (lowercase names). */
  compareHeaders?: string[];
}

/** What is compared, after normalisation. */
export interface Observed {
  status: number;
  contentType: string | null;
  /** Only the headers the suite compares (Allow, Location, Accept-Patch). */
  headers: Record<string, string>;
  body: string;
}

export type Expectations = Record<string, Observed>;
