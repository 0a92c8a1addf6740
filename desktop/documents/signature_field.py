"""The signature field of a tagged PDF, made before pyHanko signs it (docs/tagged-pdf.md).

PDF/UA-1 (7.18.1, 7.18.4) wants every widget annotation nested in a Form structure element. pyHanko
would add an untagged invisible widget; so Craffu adds the empty field itself, in the incremental
update pyHanko then signs: the widget gets ``/StructParent``, a Form element points at it with an
OBJR, the ParentTree gains the entry, the field a ``/TU`` description in the document's language,
and its page ``/Tabs /S``. The signature covers all of it.
"""

from __future__ import annotations

from desktop.documents.labels import label


def add_tagged_signature_field(writer, field_name: str, signer_name: str) -> None:  # noqa: ANN001
    """Add the empty signature field ``field_name`` to ``writer`` (an IncrementalPdfFileWriter),
    tagged when the document is tagged."""
    from pyhanko.pdf_utils import generic
    from pyhanko.sign import fields

    root = writer.root
    lang = "cy" if str(root.get("/Lang", "")).lower().startswith("cy") else "en"
    described = label("signature_field", lang, name=signer_name).strip()
    fields.append_signature_field(
        writer, fields.SigFieldSpec(field_name, on_page=0, readable_field_name=described)
    )
    if "/StructTreeRoot" not in root:
        return  # an untagged file (made before tagging): nothing to keep in step
    tree = root["/StructTreeRoot"]
    widget_ref = next(
        ref
        for ref in root["/AcroForm"]["/Fields"]
        if isinstance(ref, generic.IndirectObject) and ref.get_object().get("/T") == field_name
    )
    widget = widget_ref.get_object()
    page_ref = widget.raw_get("/P") if "/P" in widget else writer.find_page_for_modification(0)[1]
    key = int(tree["/ParentTreeNextKey"])
    document_ref = tree.raw_get("/K")
    form = generic.DictionaryObject(
        {
            generic.NameObject("/Type"): generic.NameObject("/StructElem"),
            generic.NameObject("/S"): generic.NameObject("/Form"),
            generic.NameObject("/P"): document_ref,
            generic.NameObject("/Alt"): generic.TextStringObject(described),
            generic.NameObject("/K"): generic.DictionaryObject(
                {
                    generic.NameObject("/Type"): generic.NameObject("/OBJR"),
                    generic.NameObject("/Obj"): widget_ref,
                    generic.NameObject("/Pg"): page_ref,
                }
            ),
        }
    )
    form_ref = writer.add_object(form)
    widget[generic.NameObject("/StructParent")] = generic.NumberObject(key)
    writer.mark_update(widget_ref)

    document = document_ref.get_object()
    kids = document.get("/K")
    if isinstance(kids, generic.ArrayObject):
        kids.append(form_ref)
    else:
        kids = generic.ArrayObject([kids, form_ref] if kids is not None else [form_ref])
        document[generic.NameObject("/K")] = kids
    writer.update_container(document)

    parent_tree = tree["/ParentTree"]
    parent_tree["/Nums"].append(generic.NumberObject(key))
    parent_tree["/Nums"].append(form_ref)
    writer.update_container(parent_tree)
    tree[generic.NameObject("/ParentTreeNextKey")] = generic.NumberObject(key + 1)
    writer.update_container(tree)

    page = page_ref.get_object()
    page[generic.NameObject("/Tabs")] = generic.NameObject("/S")
    writer.mark_update(page_ref)
