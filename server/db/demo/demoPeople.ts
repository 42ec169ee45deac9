import type { Organisation, ProjectRole } from "../../../contracts/types";

// The cast of the demo project: a utility biller (Riverbend Utilities) going live with
// Contoso Payments, with its CIS vendor (Meridian CIS) and a system integrator (Keystone).

export const DEMO_TENANT_ID = "7d2c8f1e-5a0b-4c5b-9a1e-ca11b00c0001";
export const INTERNAL_DOMAIN = "contoso.com";
export const CUSTOMER_DOMAIN = "riverbendutilities.com";
export const CIS_DOMAIN = "meridiancis.com";
export const SI_DOMAIN = "keystonesi.com";

export interface DemoPerson {
  key: string;
  name: string;
  email: string;
  organisation: Organisation;
  title: string;
  vendor?: "cis" | "si";
  roles: ProjectRole[];
  backup?: string;
  /** Days from today the person is out of office: [from, until]. */
  ooo?: [number, number];
}

const i = (local: string) => `${local}@${INTERNAL_DOMAIN}`;
const c = (local: string) => `${local}@${CUSTOMER_DOMAIN}`;

export const demoPeople: DemoPerson[] = [
  { key: "dana", name: "Dana Whitfield", email: i("dana.whitfield"), organisation: "internal", title: "Project Manager", roles: ["pm"], backup: "kevin" },
  { key: "marcus", name: "Marcus Lee", email: i("marcus.lee"), organisation: "internal", title: "Implementation Manager", roles: ["im"], backup: "jordan", ooo: [6, 10] },
  { key: "kevin", name: "Kevin Wu", email: i("kevin.wu"), organisation: "internal", title: "Project Manager (backup)", roles: [] },
  { key: "jordan", name: "Jordan Blake", email: i("jordan.blake"), organisation: "internal", title: "Implementation Manager (backup)", roles: [] },
  { key: "priya", name: "Priya Raman", email: i("priya.raman"), organisation: "internal", title: "Solutions Engineer", roles: ["se"] },
  { key: "tom", name: "Tom Alvarez", email: i("tom.alvarez"), organisation: "internal", title: "Integration Developer", roles: ["developer"] },
  { key: "sallie", name: "Sallie Ortiz", email: i("sallie.ortiz"), organisation: "internal", title: "Transition Success Manager", roles: ["tsm"] },
  { key: "grace", name: "Grace Kim", email: i("grace.kim"), organisation: "internal", title: "TSM Manager", roles: ["tsm_manager"] },
  { key: "luis", name: "Luis Moreno", email: i("luis.moreno"), organisation: "internal", title: "Director, Client Services", roles: ["cs_leader"] },
  { key: "chloe", name: "Chloe Adams", email: i("chloe.adams"), organisation: "internal", title: "Customer Success Manager", roles: ["csm"] },
  { key: "helen", name: "Helen Park", email: i("helen.park"), organisation: "internal", title: "VP of Implementations", roles: ["vp_implementations"] },
  { key: "robert", name: "Robert Chen", email: i("robert.chen"), organisation: "internal", title: "Vertical Director, Utilities", roles: ["vertical_director"] },
  { key: "angela", name: "Angela Brooks", email: i("angela.brooks"), organisation: "internal", title: "PM Director", roles: ["pm_director"] },
  { key: "nina", name: "Nina Patel", email: i("nina.patel"), organisation: "internal", title: "Product Manager, Payments", roles: ["product"] },
  { key: "owen", name: "Owen Grant", email: i("owen.grant"), organisation: "internal", title: "Legal Counsel", roles: ["legal"] },
  { key: "linda", name: "Linda Harper", email: c("linda.harper"), organisation: "customer", title: "CFO", roles: ["customer_executive"] },
  { key: "james", name: "James Okafor", email: c("james.okafor"), organisation: "customer", title: "VP Customer Service", roles: ["customer_executive"] },
  { key: "rachel", name: "Rachel Stone", email: c("rachel.stone"), organisation: "customer", title: "Billing Project Lead", roles: ["customer_project_lead"] },
  { key: "ben", name: "Ben Foster", email: c("ben.foster"), organisation: "customer", title: "Billing Supervisor", roles: ["customer_stakeholder"] },
  { key: "maria", name: "Maria Lopez", email: c("maria.lopez"), organisation: "customer", title: "IT Business Analyst", roles: ["customer_stakeholder"] },
  { key: "steve", name: "Steve Novak", email: `steve.novak@${CIS_DOMAIN}`, organisation: "vendor", vendor: "cis", title: "Project Manager, Meridian CIS", roles: ["vendor_pm"] },
  { key: "alicia", name: "Alicia Grant", email: `alicia.grant@${CIS_DOMAIN}`, organisation: "vendor", vendor: "cis", title: "Integration Lead, Meridian CIS", roles: ["vendor_contact"] },
  { key: "derek", name: "Derek Shaw", email: `derek.shaw@${SI_DOMAIN}`, organisation: "vendor", vendor: "si", title: "Engagement Manager, Keystone Integrators", roles: ["vendor_pm"] },
];

export const DEMO_USER_KEY = "dana";
