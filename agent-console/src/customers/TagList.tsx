export function TagList({ tags }: { tags: string[] }) {
  if (tags.length === 0) return null;
  return (
    <ul className="chip-list">
      {tags.map((tag) => (
        <li key={tag} className="chip chip--tag">
          {tag}
        </li>
      ))}
    </ul>
  );
}
