import type { GiteaTeam, GiteaUser } from '../../gitea/types.js';
import type { GiteaAdminArgs } from '../gitea_common/giteaArgs.js';

/** Who a Gitea account may be seen by. */
export type GiteaVisibility = 'public' | 'limited' | 'private';

/** gitea_user's arguments: the persona, where it belongs, and where the admin credentials come from. */
export interface GiteaUserArgs extends GiteaAdminArgs {
  name: string;
  /** Default `<name>@noreply.invalid` (a reserved domain: no mail ever leaves for it). */
  email?: string;
  full_name?: string;
  org?: string;
  team?: string;
  visibility?: GiteaVisibility;
}

/** The organization and team as the admin sees them. */
export interface OrgFacts {
  exists: boolean;
  /** Every team of the organization, for the message when the asked one is missing. */
  teams: string[];
  team?: GiteaTeam;
  member: boolean;
}

/** The account (undefined when Gitea has none of that name) and its team membership. */
export interface GiteaUserFacts {
  user?: GiteaUser;
  org?: OrgFacts;
}

/** What apply does: create the account, add it to a team. */
export interface GiteaUserData {
  create?: { username: string; email: string; full_name?: string; visibility?: GiteaVisibility };
  addToTeam?: { id: number; name: string; org: string };
}
