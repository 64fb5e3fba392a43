#ifndef CLIBXML2_SHIM_H
#define CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
/* Debian builds libxml2 with ICU: encoding.h would include <unicode/ucnv.h>, which clashes with
   Foundation's bundled _FoundationICU. The ICU members are trailing pointers in xmlCharEncodingHandler,
   never allocated or copied by us, so hiding them is ABI-safe. */
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlsave.h>
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <libxml/xmlstring.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlschemastypes.h>

static inline int cxml_is_text_node(const xmlNode *n) {
    return n && (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE);
}
static inline int cxml_is_element_node(const xmlNode *n) { return n && n->type == XML_ELEMENT_NODE; }
static inline int cxml_xpath_nodeset_count(const xmlXPathObject *o) {
    return (o && o->nodesetval) ? o->nodesetval->nodeNr : 0;
}
static inline xmlNode *cxml_xpath_nodeset_item(const xmlXPathObject *o, int i) {
    return (o && o->nodesetval && i >= 0 && i < o->nodesetval->nodeNr) ? o->nodesetval->nodeTab[i] : NULL;
}
/* xmlFree is a global function-pointer variable; Swift 6 rejects touching it. */
static inline void cxml_free(void *p) { xmlFree(p); }
static void cxml_noop_generic(void *ctx, const char *msg, ...) { (void)ctx; (void)msg; }
static inline void cxml_silence_generic_errors(void) { xmlSetGenericErrorFunc(NULL, cxml_noop_generic); }
static xmlParserInputPtr cxml_deny_entity_loader(const char *url, const char *id, xmlParserCtxtPtr ctxt) {
    (void)url; (void)id; (void)ctxt; return NULL;
}
static inline void cxml_install_deny_all_entity_loader(void) { xmlSetExternalEntityLoader(cxml_deny_entity_loader); }
#endif
