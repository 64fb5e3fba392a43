// The error model (``TrialpipeError``, ``DescribedError``) lives below every module that throws, so the
// watchers and the XML reader adopt it too; plugins see it through this module.
@_exported public import TrialpipeErrors
