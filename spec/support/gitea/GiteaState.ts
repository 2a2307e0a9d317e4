import { createHash, randomBytes } from 'node:crypto';
import type { OrgRow, TeamRow, TokenRow, UserRow } from './records.js';

/** Fields a new account may set; the rest get Gitea's defaults. */
export type NewUser = Pick<UserRow, 'login'> & Partial<Omit<UserRow, 'id' | 'login' | 'created'>>;

// The double's database: accounts, organizations, teams and hashed tokens, with the lookups Gitea's handlers make.
export class GiteaState {
  readonly users: UserRow[] = [];
  readonly orgs: OrgRow[] = [];
  readonly teams: TeamRow[] = [];
  private tokenRows: TokenRow[] = [];
  private nextUserId = 1; // users and organizations share one id space, as in Gitea
  private nextTeamId = 1;
  private nextTokenId = 1;

  addUser(u: NewUser): UserRow {
    const row: UserRow = {
      id: this.nextUserId++,
      email: `${u.login.toLowerCase()}@example.test`,
      fullName: '',
      admin: false,
      mustChangePassword: false,
      prohibitLogin: false,
      restricted: false,
      visibility: 'public',
      ...u,
      created: new Date(),
    };
    this.users.push(row);
    return row;
  }

  /** An organization with an Owners team (holding `ownerId`) and the named teams. */
  addOrg(name: string, teamNames: string[], ownerId: number): OrgRow {
    const org: OrgRow = { id: this.nextUserId++, name };
    this.orgs.push(org);
    const names = teamNames.some((t) => t.toLowerCase() === 'owners') ? teamNames : ['Owners', ...teamNames];
    for (const teamName of names) {
      const owners = teamName.toLowerCase() === 'owners';
      this.teams.push({ id: this.nextTeamId++, orgId: org.id, name: teamName, owners, members: new Set(owners ? [ownerId] : []) });
    }
    return org;
  }

  user(name: string): UserRow | undefined {
    return this.users.find((u) => u.login.toLowerCase() === name.toLowerCase());
  }

  org(name: string): OrgRow | undefined {
    return this.orgs.find((o) => o.name.toLowerCase() === name.toLowerCase());
  }

  /** Gitea keeps users and organizations in one table, so a name is taken by either. */
  nameTaken(name: string): boolean {
    return this.user(name) !== undefined || this.org(name) !== undefined;
  }

  team(id: number): TeamRow | undefined {
    return this.teams.find((t) => t.id === id);
  }

  /** Teams of an organization ordered by lower-cased name, as Gitea lists them. */
  teamsOf(orgId: number): TeamRow[] {
    return this.teams.filter((t) => t.orgId === orgId).sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()));
  }

  isOrgMember(orgId: number, uid: number): boolean {
    return this.teams.some((t) => t.orgId === orgId && t.members.has(uid));
  }

  isOrgOwner(orgId: number, uid: number): boolean {
    return this.teams.some((t) => t.orgId === orgId && t.owners && t.members.has(uid));
  }

  /** Stores a new token and returns its secret: 20 random bytes as 40 lowercase hex. */
  mintToken(uid: number, name: string, scopes: string[], lastUsedAt: Date | null = null): { row: TokenRow; secret: string } {
    const secret = randomBytes(20).toString('hex');
    const row: TokenRow = {
      id: this.nextTokenId++,
      uid,
      name,
      hash: hashSecret(secret),
      last8: secret.slice(-8),
      scopes,
      created: new Date(),
      lastUsedAt,
    };
    this.tokenRows.push(row);
    return { row, secret };
  }

  tokenBySecret(secret: string): TokenRow | undefined {
    // Like Gitea, anything but 40 lowercase hex is unknown without a lookup.
    if (!/^[0-9a-f]{40}$/.test(secret)) return undefined;
    const hash = hashSecret(secret);
    return this.tokenRows.find((t) => t.hash === hash);
  }

  /** A user's tokens, newest first. */
  tokensOf(uid: number): TokenRow[] {
    return this.tokenRows.filter((t) => t.uid === uid).sort((a, b) => b.id - a.id);
  }

  deleteToken(id: number): boolean {
    const before = this.tokenRows.length;
    this.tokenRows = this.tokenRows.filter((t) => t.id !== id);
    return this.tokenRows.length < before;
  }
}

function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
