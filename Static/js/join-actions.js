// What a phone can do with its group's notes: edit and delete (while the brainstorm is open).
import { api } from './api.js';
import { errorMessage } from './errors.js';

export function makeActions({ state, ui, render }) {
  return {
    edit(id) { Object.assign(ui, { editing: id, editText: state.notes.get(id).text, confirming: null, error: null }); render(); },
    cancel() { Object.assign(ui, { editing: null, confirming: null, error: null }); render(); },
    editInput(value) { ui.editText = value; },
    askDelete(id) { Object.assign(ui, { confirming: id, editing: null, error: null }); render(); },
    async save(id, value) {
      ui.busy = id; render();
      try {
        const note = await api.updateNote(state.me.token, id, value.trim());
        state.notes.set(note.id, note);
        Object.assign(ui, { editing: null, error: null });
      } catch (e) { ui.error = { id, message: errorMessage(e) }; }
      ui.busy = null; render();
    },
    async remove(id) {
      ui.busy = id; render();
      try {
        await api.deleteNote(state.me.token, id);
        state.notes.delete(id);
        Object.assign(ui, { confirming: null, error: null });
      } catch (e) { ui.error = { id, message: errorMessage(e) }; }
      ui.busy = null; render();
    },
  };
}
