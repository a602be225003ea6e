"""The media bucket of the scale-out tests, with the policy README "Deployment" gives: anyone may read
images and renditions; documents stay private (the app streams them after its privacy checks)."""

BUCKET = "asap-media"
PUBLIC_IMAGES_POLICY = {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": "*",
            "Action": "s3:GetObject",
            "Resource": [f"arn:aws:s3:::{BUCKET}/images/*", f"arn:aws:s3:::{BUCKET}/original_images/*"],
        }
    ],
}
