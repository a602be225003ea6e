"""Uploads in an S3-compatible bucket (`AWS_STORAGE_BUCKET_NAME`, see `core.storage`): documents are
written as private objects even when `AWS_DEFAULT_ACL` makes uploads public (the app streams them
after its privacy checks; without that setting no ACL is sent, since buckets with ACLs disabled refuse
one, and the bucket policy of README "Deployment" exposes only images), and what is not a raster image is stored to be downloaded, never shown as a page from the
bucket's origin (a bucket sends no Content-Security-Policy)."""

from pathlib import PurePosixPath

from storages.backends.s3 import S3Storage

from .storage import INLINE_EXTENSIONS, is_document


class BucketStorage(S3Storage):
    def get_object_parameters(self, name):
        params = super().get_object_parameters(name)
        if is_document(name) and self.default_acl:
            params["ACL"] = "private"
        if PurePosixPath(name).suffix.lower() not in INLINE_EXTENSIONS:
            params.setdefault("ContentDisposition", "attachment")
        return params
