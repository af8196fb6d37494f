#!/usr/bin/env python3
"""Generates deploy/keycloak/huiyin-realm.json, the Keycloak realm of docker-compose.yml.

A PRODUCTION realm: the roles, the user profile (org, jurisdiction), the clients and their claims — and no users, and
no password grant. Real users are created by an administrator (admin console or kcadm.sh), each with one role, an
org and a jurisdiction. The demo accounts of contracts/reference-data/demo-users.json exist only in the embedded
stack's own identity service (./huiyin up); the roles listed there must be the realm's roles.

Usage:
  python3 deploy/keycloak/generate-realm.py           # rewrite huiyin-realm.json
  python3 deploy/keycloak/generate-realm.py --check   # exit 1 if huiyin-realm.json is not what this script makes

What the realm gives the services (the contract of platform/service's HuiyinJwtConverter, identical to the embedded
identity service's tokens):
  iss          http://keycloak:8080/realms/huiyin (fixed by KC_HOSTNAME in docker-compose.yml)
  aud          contains "huiyin"
  roles        top-level array of realm role names (kebab case); client-credentials tokens of huiyin-services: ["service"]
  org          organisation id (user attribute "org")
  jurisdiction administrative division code (user attribute "jurisdiction")
  name, preferred_username
  access tokens live 15 minutes.
Command-line users get tokens with the device authorization grant of huiyin-cli (no password ever passes through a
script).
"""
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
USERS_FILE = ROOT / "contracts" / "reference-data" / "demo-users.json"
REALM_FILE = pathlib.Path(__file__).resolve().parent / "huiyin-realm.json"

AUDIENCE = "huiyin"
SERVICE_ROLE = "service"

# The ten realm roles of Huiyin, in this order, with the meaning Roles.java gives them.
ROLE_DESCRIPTIONS = {
    "window-clerk": "窗口工作人员 Window clerk: files grievances at a service-hall window",
    "hotline-operator": "热线话务员 Hotline operator: files grievances taken on the 12345 / 12328 hotlines",
    "triage-officer": "分拨员 Triage officer: classifies and routes grievances, overrides routing",
    "org-handler": "承办单位经办人 Organisation handler: handles cases assigned to their organisation",
    "department-liaison": "成员单位联络员 Department liaison: a member department co-handling a case",
    "meeting-convener": "联席会议召集人 Meeting convener: convenes joint meetings",
    "supervisor": "督办人员 Supervisor: watches deadlines, escalates; sees organisations below their own",
    "callback-agent": "回访员 Callback agent: calls the worker back for the evaluation",
    "dashboard-viewer": "看板查看人 Dashboard viewer: reads aggregates for their own jurisdiction",
    "admin": "系统管理员 Huiyin administrator: reference data, organisation registry (not a Keycloak admin)",
}

# Console redirect URIs: the embedded identity service's defaults (IdentityProperties). Adjust for a real console.
CONSOLE_URLS = ["http://127.0.0.1:8080", "http://localhost:8080", "http://127.0.0.1:8090", "http://localhost:8090"]


def permissions(user_may_edit):
    return {"view": ["admin", "user"], "edit": ["admin", "user"] if user_may_edit else ["admin"]}


def user_profile():
    """Declarative user profile: Keycloak 24+ drops user attributes the profile does not declare."""
    return {
        "unmanagedAttributePolicy": "ADMIN_VIEW",
        "attributes": [
            {"name": "username", "displayName": "Username", "permissions": permissions(False), "multivalued": False,
             "validations": {"length": {"min": 3, "max": 255}, "username-prohibited-characters": {},
                             "up-username-not-idn-homograph": {}}},
            {"name": "email", "displayName": "Email", "permissions": permissions(True), "multivalued": False,
             "validations": {"email": {}, "length": {"max": 255}}},
            # The full (Chinese) name is the first name; the "name" claim is then exactly that name.
            {"name": "firstName", "displayName": "Name", "required": {"roles": ["user"]},
             "permissions": permissions(True), "multivalued": False,
             "validations": {"length": {"max": 255}, "person-name-prohibited-characters": {}}},
            {"name": "lastName", "displayName": "Last name", "permissions": permissions(True), "multivalued": False,
             "validations": {"length": {"max": 255}, "person-name-prohibited-characters": {}}},
            # Authorisation data: administrators only, never editable by the user themself.
            {"name": "org", "displayName": "Organisation id (claim org)", "group": "huiyin-authorisation",
             "permissions": permissions(False), "multivalued": False,
             "validations": {"length": {"max": 64},
                             "pattern": {"pattern": "^org-[a-z0-9-]+$",
                                         "error-message": "org: org- followed by lower-case letters, digits and -"}}},
            {"name": "jurisdiction", "displayName": "Administrative division code (claim jurisdiction)",
             "group": "huiyin-authorisation", "permissions": permissions(False), "multivalued": False,
             "validations": {"pattern": {"pattern": "^[0-9]{6}([0-9]{3}|[0-9]{6})?$",
                                         "error-message": "jurisdiction: a 6, 9 or 12 digit division code"}}},
        ],
        "groups": [
            {"name": "user-metadata", "displayHeader": "User metadata",
             "displayDescription": "Attributes, which refer to user metadata"},
            {"name": "huiyin-authorisation", "displayHeader": "Huiyin authorisation",
             "displayDescription": "Organisation and jurisdiction the services authorise by (administrators only)"},
        ],
    }


def oidc_mapper(name, mapper, config):
    return {"name": name, "protocol": "openid-connect", "protocolMapper": mapper, "consentRequired": False,
            "config": config}


def token_flags(id_token=True):
    return {"access.token.claim": "true", "id.token.claim": "true" if id_token else "false",
            "userinfo.token.claim": "true" if id_token else "false", "introspection.token.claim": "true"}


def attribute_mapper(attribute):
    return oidc_mapper(attribute, "oidc-usermodel-attribute-mapper", {
        "user.attribute": attribute, "claim.name": attribute, "jsonType.label": "String",
        "multivalued": "false", "aggregate.attrs": "false", **token_flags()})


AUDIENCE_MAPPER = oidc_mapper("audience huiyin", "oidc-audience-mapper", {
    "included.custom.audience": AUDIENCE, "access.token.claim": "true", "id.token.claim": "false",
    "introspection.token.claim": "true"})

# Mappers of the clients users log in with: roles, org, jurisdiction, audience.
USER_MAPPERS = [
    oidc_mapper("roles", "oidc-usermodel-realm-role-mapper", {
        "claim.name": "roles", "jsonType.label": "String", "multivalued": "true", **token_flags()}),
    attribute_mapper("org"),
    attribute_mapper("jurisdiction"),
    AUDIENCE_MAPPER,
]

# huiyin-services acts for itself (client credentials): its tokens carry exactly the role "service".
SERVICE_MAPPERS = [
    oidc_mapper("roles service", "oidc-hardcoded-claim-mapper", {
        "claim.name": "roles", "claim.value": json.dumps([SERVICE_ROLE]), "jsonType.label": "JSON",
        **token_flags(id_token=False)}),
    AUDIENCE_MAPPER,
]


def client(client_id, name, description, **settings):
    base = {"clientId": client_id, "name": name, "description": description, "enabled": True,
            "protocol": "openid-connect", "publicClient": True, "standardFlowEnabled": False,
            "implicitFlowEnabled": False, "directAccessGrantsEnabled": False, "serviceAccountsEnabled": False,
            "frontchannelLogout": False, "fullScopeAllowed": True}
    base.update(settings)
    return base


def realm():
    return {
        "realm": "huiyin",
        "displayName": "Huiyin 回音",
        "enabled": True,
        "sslRequired": "external",
        "registrationAllowed": False,
        "resetPasswordAllowed": False,
        "rememberMe": False,
        "loginWithEmailAllowed": False,
        "duplicateEmailsAllowed": False,
        "editUsernameAllowed": False,
        "verifyEmail": False,
        "bruteForceProtected": True,
        "permanentLockout": False,
        "failureFactor": 10,
        "accessTokenLifespan": 900,
        "accessTokenLifespanForImplicitFlow": 900,
        "ssoSessionIdleTimeout": 1800,
        "ssoSessionMaxLifespan": 36000,
        "revokeRefreshToken": True,
        "refreshTokenMaxReuse": 0,
        "roles": {"realm": [{"name": name, "description": description, "composite": False}
                            for name, description in ROLE_DESCRIPTIONS.items()]},
        "components": {
            "org.keycloak.userprofile.UserProfileProvider": [{
                "providerId": "declarative-user-profile", "subComponents": {},
                "config": {"kc.user.profile.config": [
                    json.dumps(user_profile(), ensure_ascii=False, separators=(",", ":"))]},
            }],
        },
        "clients": [
            client("huiyin-cli", "Huiyin command line",
                   "Public client for scripts: device authorization grant (the user signs in in a browser); "
                   "no password grant.",
                   attributes={"oauth2.device.authorization.grant.enabled": "true"}, protocolMappers=USER_MAPPERS),
            client("huiyin-console", "Huiyin console",
                   "Public browser client: authorization code with PKCE (S256).",
                   standardFlowEnabled=True,
                   redirectUris=[url + "/login/oauth2/code/huiyin" for url in CONSOLE_URLS], webOrigins=list(CONSOLE_URLS),
                   attributes={"pkce.code.challenge.method": "S256", "post.logout.redirect.uris": "+"},
                   protocolMappers=USER_MAPPERS),
            client("huiyin-services", "Huiyin services",
                   "Confidential client of the services (client credentials, role service). "
                   "Secret from the environment variable HUIYIN_SERVICES_CLIENT_SECRET at import.",
                   publicClient=False, clientAuthenticatorType="client-secret",
                   secret="${HUIYIN_SERVICES_CLIENT_SECRET}", serviceAccountsEnabled=True,
                   protocolMappers=SERVICE_MAPPERS),
        ],
        "users": [],
    }


def main():
    data = json.loads(USERS_FILE.read_text(encoding="utf-8"))
    if list(data["roles"]) != list(ROLE_DESCRIPTIONS):
        sys.exit(f"{USERS_FILE}: roles {data['roles']} differ from the realm's {list(ROLE_DESCRIPTIONS)}")
    text = json.dumps(realm(), ensure_ascii=False, indent=2) + "\n"
    if sys.argv[1:] == ["--check"]:
        if not REALM_FILE.exists() or REALM_FILE.read_text(encoding="utf-8") != text:
            sys.exit(f"{REALM_FILE} is out of date: run python3 deploy/keycloak/generate-realm.py")
        print(f"{REALM_FILE.name} is up to date (roles as in {USERS_FILE.relative_to(ROOT)})")
        return
    REALM_FILE.write_text(text, encoding="utf-8")
    print(f"wrote {REALM_FILE}")


if __name__ == "__main__":
    main()
