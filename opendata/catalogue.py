"""The DCAT-AP_IT catalogue of the site's datasets (the registry in `datasets.py`), as an rdflib graph
serialised to Turtle, RDF/XML or JSON-LD: what dati.gov.it's harvester reads. The properties are
those the profile makes mandatory or recommends (the shapes in shapes/dcat-ap_it.ttl check them)."""

from django.utils import timezone
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, XSD

from core.licence import LICENCE_NAME, LICENCE_URL

from .datasets import FILE_TYPES, FREQUENCIES, THEMES

DCATAPIT = Namespace("http://dati.gov.it/onto/dcatapit#")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
LANGUAGES = "http://publications.europa.eu/resource/authority/language/"
THEME_TAXONOMY = URIRef("http://publications.europa.eu/resource/authority/data-theme")
ATTRIBUTION = URIRef("http://purl.org/adms/licencetype/Attribution")


def _date(moment):
    return Literal(timezone.localdate(moment).isoformat(), datatype=XSD.date)


def _texts(graph, subject, predicate, text):
    graph.add((subject, predicate, Literal(text.it, lang="it")))
    graph.add((subject, predicate, Literal(text.en, lang="en")))


def agent_identifier(organisation, host):
    """The profile asks for the IPA code of a public body, the tax code (else VAT number) of others."""
    return organisation.fiscal_code or organisation.vat_number or host


def build_graph(request, data_page, entries, organisation, catalogue_text):
    """`entries`: (dataset, its live source page) for every dataset of the registry that has one."""
    absolute = request.build_absolute_uri
    graph = Graph()
    for prefix, namespace in (("dcat", DCAT), ("dct", DCTERMS), ("foaf", FOAF), ("dcatapit", DCATAPIT)):
        graph.bind(prefix, namespace)
    graph.bind("vcard", VCARD)

    home = absolute("/")
    identifier = agent_identifier(organisation, request.get_host())
    publisher = URIRef(home + "#ente")
    graph.add((publisher, RDF.type, DCATAPIT.Agent))
    graph.add((publisher, RDF.type, FOAF.Agent))
    graph.add((publisher, DCTERMS.identifier, Literal(identifier)))
    graph.add((publisher, FOAF.name, Literal(organisation.name, lang="it")))

    contact = URIRef(home + "#contatti")
    graph.add((contact, RDF.type, DCATAPIT.Organization))
    graph.add((contact, RDF.type, VCARD.Organization))
    graph.add((contact, VCARD.fn, Literal(organisation.name)))
    if organisation.email:
        graph.add((contact, VCARD.hasEmail, URIRef(f"mailto:{organisation.email}")))

    licence = URIRef(LICENCE_URL)
    graph.add((licence, RDF.type, DCATAPIT.LicenseDocument))
    graph.add((licence, RDF.type, DCTERMS.LicenseDocument))
    graph.add((licence, DCTERMS.type, ATTRIBUTION))
    graph.add((licence, FOAF.name, Literal(LICENCE_NAME, lang="it")))

    catalogue = URIRef(absolute(data_page.url))
    graph.add((catalogue, RDF.type, DCATAPIT.Catalog))
    graph.add((catalogue, RDF.type, DCAT.Catalog))
    _texts(graph, catalogue, DCTERMS.title, catalogue_text["title"])
    _texts(graph, catalogue, DCTERMS.description, catalogue_text["description"])
    graph.add((catalogue, DCTERMS.publisher, publisher))
    graph.add((catalogue, FOAF.homepage, URIRef(home)))
    graph.add((catalogue, DCTERMS.language, URIRef(LANGUAGES + "ITA")))
    graph.add((catalogue, DCAT.themeTaxonomy, THEME_TAXONOMY))
    graph.add((catalogue, DCTERMS.issued, _date(data_page.first_published_at or timezone.now())))
    # A collection never published (an empty demo) counts as changed now.
    modified = [dataset.modified(source) or timezone.now() for dataset, source in entries]
    graph.add((catalogue, DCTERMS.modified, _date(max(modified, default=timezone.now()))))

    for (dataset, source), changed in zip(entries, modified, strict=True):
        node = URIRef(absolute(data_page.url) + f"#{dataset.slug}")
        graph.add((catalogue, DCAT.dataset, node))
        graph.add((node, RDF.type, DCATAPIT.Dataset))
        graph.add((node, RDF.type, DCAT.Dataset))
        graph.add((node, DCTERMS.identifier, Literal(f"{identifier}:{dataset.slug}")))
        _texts(graph, node, DCTERMS.title, dataset.title)
        _texts(graph, node, DCTERMS.description, dataset.description)
        for theme in dataset.themes:
            graph.add((node, DCAT.theme, URIRef(THEMES + theme)))
        graph.add((node, DCTERMS.accrualPeriodicity, URIRef(FREQUENCIES + dataset.frequency.code)))
        graph.add((node, DCTERMS.modified, _date(changed)))
        graph.add((node, DCTERMS.rightsHolder, publisher))
        graph.add((node, DCTERMS.publisher, publisher))
        graph.add((node, DCAT.contactPoint, contact))
        graph.add((node, DCAT.landingPage, URIRef(source.get_full_url(request))))
        graph.add((node, DCTERMS.language, URIRef(LANGUAGES + "ITA")))
        for keyword in dataset.keywords:
            graph.add((node, DCAT.keyword, Literal(keyword, lang="it")))
        for distribution in dataset.distributions:
            url = URIRef(absolute(dataset.url_of(distribution, source, data_page)))
            item = BNode()
            graph.add((node, DCAT.distribution, item))
            graph.add((item, RDF.type, DCATAPIT.Distribution))
            graph.add((item, RDF.type, DCAT.Distribution))
            graph.add((item, DCAT.accessURL, url))
            graph.add((item, DCAT.downloadURL, url))
            graph.add((item, DCAT.mediaType, Literal(distribution.media_type)))
            graph.add((item, DCTERMS.format, URIRef(FILE_TYPES + distribution.format)))
            graph.add((item, DCTERMS.license, licence))
            graph.add((item, DCTERMS.title, Literal(f"{dataset.title.it} ({distribution.format})", lang="it")))
            graph.add((item, DCTERMS.description, Literal(f"{dataset.title.it}, {distribution.format}", lang="it")))
    return graph


def serialise(graph, rdf_format):
    return graph.serialize(format=rdf_format)
