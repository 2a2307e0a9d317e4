/** A Gitea account as the double keeps it (password in clear: it is test data the spec chose). */
export interface UserRow {
  id: number;
  login: string;
  email: string;
  fullName: string;
  password?: string;
  admin: boolean;
  mustChangePassword: boolean;
  prohibitLogin: boolean;
  restricted: boolean;
  visibility: string;
  created: Date;
}

/** An organization: in Gitea it shares the user namespace. */
export interface OrgRow {
  id: number;
  name: string;
}

/** A team of an organization; `Owners` is the one every organization has. */
export interface TeamRow {
  id: number;
  orgId: number;
  name: string;
  owners: boolean;
  members: Set<number>;
}

/** An access token: like Gitea, only a hash of the secret and its last eight characters are kept. */
export interface TokenRow {
  id: number;
  uid: number;
  name: string;
  hash: string;
  last8: string;
  scopes: string[];
  created: Date;
  lastUsedAt: Date | null;
}
