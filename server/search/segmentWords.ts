// The segmenter lives in the knowledge base (a leaf the server may import), so tickets and articles are cut into
// words the same way.
export * from '../../knowledge-base/search/segmentWords';
