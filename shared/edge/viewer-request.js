// CloudFront Functions (cloudfront-js-2.0) viewer-request handler: pretty URLs.
// This file is deployed verbatim as the function's code and evaluated by the local CDN server,
// so it must stay plain JavaScript without imports.
function handler(event) {
  var request = event.request;
  var uri = request.uri;
  if (uri.endsWith('/')) {
    request.uri = uri + 'index.html';
  } else if (uri.lastIndexOf('.') < uri.lastIndexOf('/') + 1) {
    return {
      statusCode: 301,
      statusDescription: 'Moved Permanently',
      headers: { location: { value: uri + '/' } },
    };
  }
  return request;
}
