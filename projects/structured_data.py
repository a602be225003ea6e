"""schema.org JSON-LD: `Project` for a project page (the grant as `MonetaryGrant`, funders and members
with their role, the CUP as `identifier`) and `Organization` for an organisation's page."""


def organisation_json_ld(organisation):
    data = {"@type": "Organization", "name": organisation.name}
    if organisation.acronym:
        data["alternateName"] = organisation.acronym
    if organisation.website:
        data["url"] = organisation.website
    return data


def organisation_page_json_ld(request, organisation):
    """schema.org `Organization` for the organisation's page: its website as `url`, the fiscal code
    as `taxID` and `identifier`, the city; the page itself as `mainEntityOfPage`."""
    data = {"@context": "https://schema.org", **organisation_json_ld(organisation)}
    data["mainEntityOfPage"] = request.build_absolute_uri(request.path)
    if organisation.fiscal_code:
        data["taxID"] = organisation.fiscal_code
        data["identifier"] = {
            "@type": "PropertyValue",
            "propertyID": "Codice fiscale",
            "value": organisation.fiscal_code,
        }
    if organisation.city:
        data["address"] = {"@type": "PostalAddress", "addressLocality": organisation.city, "addressCountry": "IT"}
    return data


def project_json_ld(request, page, roles, programme_chain):
    """schema.org `Project` with its grant (`MonetaryGrant`) and funders."""
    funders = [organisation_json_ld(r.organisation) for r in roles if r.role in ("finanziatore", "autorita")]
    members = [
        {"@type": "Role", "roleName": r.get_role_display(), "member": organisation_json_ld(r.organisation)}
        for r in roles
        if r.role not in ("finanziatore", "autorita")
    ]
    data = {
        "@context": "https://schema.org",
        "@type": "Project",
        "name": page.title,
        "description": page.summary,
        "url": page.get_full_url(request),
    }
    if page.acronym:
        data["alternateName"] = page.acronym
    if page.cup:
        data["identifier"] = {"@type": "PropertyValue", "propertyID": "CUP", "value": page.cup}
    if page.start_date:
        data["foundingDate"] = page.start_date.isoformat()
    if page.end_date:
        data["dissolutionDate"] = page.end_date.isoformat()
    if funders:
        data["funder"] = funders
    if members:
        data["member"] = members
    if page.fund_id or page.total_cost is not None:
        grant = {"@type": "MonetaryGrant"}
        if programme_chain:
            grant["name"] = str(programme_chain[-1])
        elif page.fund_id:
            grant["name"] = page.fund.name
        if page.fund_id:
            grant["sponsor"] = {"@type": "Organization", "name": page.fund.name, "alternateName": page.fund.acronym}
        if funders:
            grant["funder"] = funders
        amount = page.eu_contribution if page.eu_contribution is not None else page.total_cost
        if amount is not None:
            grant["amount"] = {"@type": "MonetaryAmount", "currency": "EUR", "value": float(amount)}
        data["funding"] = grant
    return data
