"""`{% cachedpart "name" arg... %}...{% endcachedpart %}`: the enclosed markup rendered once and kept
as a shared part (`core.parts`) under `name:arg:...`, for a template to declare what `@cached_part`
declares in Python. What is enclosed must be the same for every visitor and depend on nothing the
name does not say (a page's part names the page: `{% cachedpart "page-article" page.pk %}`)."""

from django import template

from core.parts import shared_part

register = template.Library()


class CachedPartNode(template.Node):
    def __init__(self, nodelist, name_parts):
        self.nodelist = nodelist
        self.name_parts = name_parts

    def render(self, context):
        name = ":".join(str(part.resolve(context)) for part in self.name_parts)
        return shared_part(name, context.get("request"), lambda: self.nodelist.render(context))


@register.tag
def cachedpart(parser, token):
    name_parts = token.split_contents()[1:]
    if not name_parts:
        raise template.TemplateSyntaxError('{% cachedpart %} needs a name: {% cachedpart "name" page.pk %}')
    nodelist = parser.parse(("endcachedpart",))
    parser.delete_first_token()
    return CachedPartNode(nodelist, [parser.compile_filter(part) for part in name_parts])
