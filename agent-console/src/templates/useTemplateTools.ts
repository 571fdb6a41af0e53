import { useEffect, useRef, useState, type ChangeEvent, type KeyboardEvent } from 'react';
import type { TemplateView } from '../../../server/http/templateApiTypes';
import { renderTemplate } from './templateEndpoints';
import { useTemplateList } from './templateQueries';
import { placeholdersIn, replaceCommand, slashCommandAt, type SlashCommand } from './templateText';

/**
 * Templates in the composer: typing `/word` opens a picker of the templates matching the word; arrows choose, Enter
 * (or a click) inserts the template rendered for this ticket in place of the command, Escape closes. Remembers the
 * last template used (sent with the reply, to count its use) and lists the placeholders still to fill.
 */
export function useTemplateTools(ticketId: string, text: string, setText: (text: string) => void) {
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const [command, setCommand] = useState<SlashCommand | null>(null);
  const [highlighted, setHighlighted] = useState(0);
  const [templateId, setTemplateId] = useState<string | null>(null);
  const [insertError, setInsertError] = useState<unknown>(null);
  const [pendingCaret, setPendingCaret] = useState<number | null>(null);
  const list = useTemplateList(command?.query ?? '', command !== null);
  const choices = command ? (list.data?.templates ?? []) : [];

  // Put the caret after the inserted text once React has rendered it.
  useEffect(() => {
    if (pendingCaret === null || !textareaRef.current) return;
    textareaRef.current.focus();
    textareaRef.current.setSelectionRange(pendingCaret, pendingCaret);
    setPendingCaret(null);
  }, [pendingCaret]);

  const follow = (value: string, caret: number) => {
    const next = slashCommandAt(value, caret);
    setCommand(next);
    if (next?.query !== command?.query) setHighlighted(0);
  };

  const onChange = (event: ChangeEvent<HTMLTextAreaElement>) => {
    setText(event.target.value);
    if (!event.target.value) setTemplateId(null);
    follow(event.target.value, event.target.selectionStart);
  };

  /** Inserts a template: in place of the `/command` being typed, else at the caret. */
  const insert = async (template: TemplateView) => {
    setInsertError(null);
    const caret = textareaRef.current?.selectionStart ?? text.length;
    const at = command ?? { start: caret, query: '' };
    setCommand(null);
    try {
      const rendered = await renderTemplate(template.id, ticketId);
      const next = replaceCommand(text, at, caret, rendered.text);
      setText(next.text);
      setTemplateId(template.id);
      setPendingCaret(next.caret);
    } catch (failure) {
      setInsertError(failure);
    }
  };

  /** Handles the picker's keys; true when the key was the picker's. */
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): boolean => {
    if (!command || event.nativeEvent.isComposing) return false;
    if (event.key === 'Escape') {
      event.preventDefault();
      setCommand(null);
      return true;
    }
    if (choices.length === 0) return false;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setHighlighted((at) => (at + step + choices.length) % choices.length);
      return true;
    }
    if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey && !event.shiftKey) {
      event.preventDefault();
      void insert(choices[Math.min(highlighted, choices.length - 1)]);
      return true;
    }
    return false;
  };

  const reset = () => {
    setTemplateId(null);
    setCommand(null);
  };

  return {
    textareaRef,
    onChange,
    onKeyDown,
    /** Follows the caret when it moves without typing (clicks, arrow keys). */
    onSelect: () => {
      const area = textareaRef.current;
      if (area) follow(area.value, area.selectionStart);
    },
    insert,
    insertError,
    picker: command ? { query: command.query, choices, highlighted, loading: list.isFetching } : null,
    closePicker: () => setCommand(null),
    placeholders: placeholdersIn(text),
    templateId,
    reset,
  };
}

export type TemplateTools = ReturnType<typeof useTemplateTools>;
